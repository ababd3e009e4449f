package it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class FailingIT {

    @Test
    void failsOnPurpose() {
        fail("failing on purpose");
    }
}

package it;

import org.junit.jupiter.api.Test;

class NeverRunIT {

    @Test
    void isNotSelected() {}
}

package io.github.dockmaven.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemsHandlerTest {

    @Test
    void theKeyIsWhatFollowsItems() {
        assertEquals(Optional.of("greeting-1.en_GB"), ItemsHandler.keyOf("/items/greeting-1.en_GB"));
    }

    @Test
    void aPathWithoutAKeyNamesNone() {
        assertEquals(Optional.empty(), ItemsHandler.keyOf("/items/"));
    }

    @Test
    void aKeyWithCharactersOutsideTheAllowedOnesIsNone() {
        assertEquals(Optional.empty(), ItemsHandler.keyOf("/items/a b"));
        assertEquals(Optional.empty(), ItemsHandler.keyOf("/items/a/b"));
    }
}

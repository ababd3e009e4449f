package io.github.dockmaven.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void withoutEnvironmentTheServiceListensOn8080AndLogsUnderVarLog() {
        assertEquals(new Main.Settings(8080, Path.of("/var/log/service/access.log")), Main.Settings.from(Map.of()));
    }

    @Test
    void theEnvironmentSetsPortAndAccessLog() {
        assertEquals(
                new Main.Settings(9090, Path.of("/tmp/access.log")),
                Main.Settings.from(Map.of("PORT", "9090", "ACCESS_LOG", "/tmp/access.log")));
    }

    @Test
    void aPortThatIsNoNumberIsRefusedNamingIt() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> Main.Settings.from(Map.of("PORT", "http")));
        assertEquals("PORT must be a port number, not 'http'", failure.getMessage());
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {

    @Test
    void aContainerPortAloneLetsTheEngineChooseTheHostPort() {
        assertThat(PortMapping.parse("8080")).isEqualTo(new PortMapping(null, null, 8080, "tcp"));
    }

    @Test
    void aHostPortBeforeTheContainerPortIsFixed() {
        assertThat(PortMapping.parse("18080:8080")).isEqualTo(new PortMapping(null, 18080, 8080, "tcp"));
    }

    @Test
    void aHostInterfaceCanBeNamed() {
        assertThat(PortMapping.parse("127.0.0.1:18080:8080"))
                .isEqualTo(new PortMapping("127.0.0.1", 18080, 8080, "tcp"));
        assertThat(PortMapping.parse("localhost:18080:8080"))
                .isEqualTo(new PortMapping("localhost", 18080, 8080, "tcp"));
    }

    @Test
    void theProtocolSuffixIsKeptAndDefaultsToTcp() {
        assertThat(PortMapping.parse("53/udp")).isEqualTo(new PortMapping(null, null, 53, "udp"));
        assertThat(PortMapping.parse("5353:53/udp").key()).isEqualTo("53/udp");
        assertThat(PortMapping.parse(" 8080/tcp ").key()).isEqualTo("8080/tcp");
    }

    @Test
    void hostPortZeroMeansAnyFreePort() {
        assertThat(PortMapping.parse("0:8080").hostPort()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "8080:", ":8080", "8080/sctp", "80-90", "localhost:8080", "8080:80:90:100"})
    void malformedPortsAreRejectedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> PortMapping.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 'containerPort', 'hostPort:containerPort' or 'hostIp:hostPort:containerPort',"
                        + " optionally followed by /tcp or /udp");
    }

    @Test
    void portsAboveTheRangeAreRejectedWithTheValue() {
        assertThatThrownBy(() -> PortMapping.parse("65536"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("65536 is above 65535, the highest port");
        assertThatThrownBy(() -> PortMapping.parse("99999999999:80"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("99999999999 is above 65535, the highest port");
    }

    @Test
    void containerPortZeroIsRejected() {
        assertThatThrownBy(() -> PortMapping.parse("8080:0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container port 0 is not a port");
    }
}

package io.github.dockmaven.core.wait;

import static io.github.dockmaven.core.wait.Containers.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpConditionTest {

    private final ContainerLog log = new ContainerLog(line -> {});

    private Probe probe(Map<String, Integer> ports) {
        return new Probe(running(Health.NONE, ports), log, "127.0.0.1");
    }

    @Test
    void holdsWhenAServerListensOnThePublishedPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            TcpCondition condition = new TcpCondition(5432);

            assertThat(condition.check(probe(Map.of("5432/tcp", server.getLocalPort()))))
                    .isTrue();
        }
    }

    @Test
    void holdsWhenTheServerGreetsFirst() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread greeter = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("220 smtp ready\r\n".getBytes());
                    client.getInputStream().read();
                } catch (IOException ignored) {
                    // The probe closed the connection: done.
                }
            });
            greeter.start();

            assertThat(new TcpCondition(25).check(probe(Map.of("25/tcp", server.getLocalPort()))))
                    .isTrue();
            greeter.join(5000);
        }
    }

    @Test
    void failsWithTheReasonWhenNothingListens() throws IOException {
        int port = WaiterTest.closedPort();
        TcpCondition condition = new TcpCondition(5432);

        assertThat(condition.check(probe(Map.of("5432/tcp", port)))).isFalse();
        assertThat(condition.lastFailure())
                .isEqualTo("TCP port 5432 (127.0.0.1:" + port + ") did not accept a connection: Connection refused");
    }

    @Test
    void failsWhenTheConnectionIsClosedAtOnceAsAnEnginesPortProxyDoesWithNothingBehindIt() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                try {
                    proxy.accept().close();
                } catch (IOException ignored) {
                    // The test closed the server.
                }
            });
            closer.start();
            TcpCondition condition = new TcpCondition(8080);

            assertThat(condition.check(probe(Map.of("8080/tcp", proxy.getLocalPort()))))
                    .isFalse();
            assertThat(condition.lastFailure())
                    .isEqualTo("TCP port 8080 (127.0.0.1:" + proxy.getLocalPort() + ") closed the connection at once");
            closer.join(5000);
        }
    }

    @Test
    void failsNamingTheFixWhenThePortIsNotPublished() {
        TcpCondition condition = new TcpCondition(5432);

        assertThat(condition.check(probe(Map.of("5433/tcp", 40000, "5432/udp", 40001))))
                .isFalse();
        assertThat(condition.lastFailure())
                .isEqualTo("TCP port 5432 is not published; add <port>5432</port> to <ports>");
    }

    @Test
    void whereTheContainersAddressIsRoutedItIsAskedDirectlyNotThePublishedPort() throws IOException {
        try (ServerSocket container = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = container.getLocalPort();
            Map<String, Integer> closedPublishedPort = Map.of(port + "/tcp", WaiterTest.closedPort());
            Probe routed = new Probe(Containers.runningAt("127.0.0.1", closedPublishedPort), log, "127.0.0.1", true);

            assertThat(new TcpCondition(port).check(routed)).isTrue();
        }
    }

    @Test
    void anAddressThatDoesNotAcceptLeavesTheWaitToThePublishedPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // TEST-NET-1 (RFC 5737) is routed nowhere: a connection there is refused or never completes
            Probe unreachable = new Probe(
                    Containers.runningAt("192.0.2.1", Map.of("5432/tcp", server.getLocalPort())),
                    log,
                    "127.0.0.1",
                    true);

            assertThat(new TcpCondition(5432).check(unreachable)).isTrue();
        }
    }

    @Test
    void withoutARouteToContainersTheirAddressIsNotUsed() {
        assertThat(new Probe(Containers.runningAt("172.18.0.2", Map.of()), log, "localhost", false).containerAddress())
                .isEmpty();
        assertThat(new Probe(Containers.runningAt("172.18.0.2", Map.of()), log, "localhost", true).containerAddress())
                .hasValue("172.18.0.2");
    }
}

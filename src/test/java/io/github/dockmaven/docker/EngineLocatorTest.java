package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.EngineException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    @TempDir
    Path temp;

    private Path home;
    private Path root;
    private final Map<String, String> env = new HashMap<>();
    private final Set<String> answering = new HashSet<>();
    private final List<String> pinged = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();
    private final Map<String, Duration> limits = new HashMap<>();

    @BeforeEach
    void layout() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        root = Files.createDirectories(temp.resolve("root"));
    }

    private EngineLocator locator() {
        return new EngineLocator(env, home, root, debug::add, (endpoint, limit) -> {
            pinged.add(endpoint.host());
            limits.put(endpoint.host(), limit);
            if (!answering.contains(endpoint.host())) {
                throw new ConnectException("Connection refused");
            }
        });
    }

    /** Creates a file where a socket would be: the locator only checks that it exists before pinging. */
    private String socketAt(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "");
        return "unix://" + path;
    }

    private void context(String name, String host) throws IOException {
        Path meta = home.resolve(".docker/contexts/meta")
                .resolve(EngineLocator.sha256(name))
                .resolve("meta.json");
        Files.createDirectories(meta.getParent());
        Files.writeString(
                meta,
                "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host
                        + "\",\"SkipTLSVerify\":false}}}");
    }

    private void currentContext(String name) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    @Test
    void whenNothingAnswersTheMessageListsEveryPlaceTriedInOrderAndTheFix() throws IOException {
        env.put("XDG_RUNTIME_DIR", temp.resolve("xdg").toString());
        socketAt(home.resolve(".colima/default/docker.sock"));

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot reach a Docker engine. Tried:\n"
                        + "  - dock.host: not set\n"
                        + "  - DOCKER_HOST: not set\n"
                        + "  - Docker context: none active (no DOCKER_CONTEXT, no currentContext in "
                        + home + "/.docker/config.json)\n"
                        + "  - unix://" + root + "/var/run/docker.sock: no such socket\n"
                        + "  - unix://" + temp + "/xdg/docker.sock: no such socket\n"
                        + "  - unix://" + home + "/.docker/run/docker.sock: no such socket\n"
                        + "  - unix://" + home + "/.docker/desktop/docker.sock: no such socket\n"
                        + "  - unix://" + home + "/.colima/default/docker.sock: no answer (Connection refused)\n"
                        + "  - unix://" + home + "/.rd/docker.sock: no such socket\n"
                        + "  - unix://" + temp + "/xdg/podman/podman.sock: no such socket\n"
                        + "  - unix://" + root + "/run/podman/podman.sock: no such socket\n"
                        + "Start Docker (or Podman's API service), or point dock.host or DOCKER_HOST at a running"
                        + " engine.");
        assertThat(pinged).containsExactly("unix://" + home + "/.colima/default/docker.sock");
    }

    @Test
    void withoutXdgRuntimeDirTheMessageSaysSoForTheSocketsBelowIt() {
        assertThatThrownBy(() -> locator().findEndpoint(null))
                .hasMessageContaining("  - $XDG_RUNTIME_DIR/docker.sock: XDG_RUNTIME_DIR not set\n")
                .hasMessageContaining("  - $XDG_RUNTIME_DIR/podman/podman.sock: XDG_RUNTIME_DIR not set\n");
        assertThat(pinged).isEmpty();
    }

    @Test
    void theUsualSocketsAreTriedInOrderAndTheFirstThatAnswersWins() throws IOException {
        Path xdg = temp.resolve("xdg");
        env.put("XDG_RUNTIME_DIR", xdg.toString());
        socketAt(xdg.resolve("docker.sock"));
        String desktop = socketAt(home.resolve(".docker/desktop/docker.sock"));
        String colima = socketAt(home.resolve(".colima/default/docker.sock"));
        answering.add(desktop);
        answering.add(colima);

        EngineEndpoint found = locator().findEndpoint(null);

        assertThat(found).isEqualTo(new EngineEndpoint(desktop, null, "well-known socket"));
        assertThat(pinged).containsExactly("unix://" + xdg.resolve("docker.sock"), desktop);
    }

    @Test
    void rootlessPodmansSocketUnderXdgRuntimeDirIsFound() throws IOException {
        Path xdg = temp.resolve("xdg");
        env.put("XDG_RUNTIME_DIR", xdg.toString());
        String podman = socketAt(xdg.resolve("podman/podman.sock"));
        answering.add(podman);

        assertThat(locator().findEndpoint(null).host()).isEqualTo(podman);
        assertThat(debug).endsWith("Docker engine lookup: " + podman + ": answers; using it");
    }

    @Test
    void theExplicitHostWinsOverEverythingElse() throws IOException {
        env.put("DOCKER_HOST", "tcp://docker-host:2375");
        answering.add("tcp://docker-host:2375");
        answering.add("tcp://explicit:2375");
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        EngineEndpoint found = locator().findEndpoint("tcp://explicit:2375");

        assertThat(found).isEqualTo(new EngineEndpoint("tcp://explicit:2375", null, "dock.host"));
        assertThat(pinged).containsExactly("tcp://explicit:2375");
    }

    @Test
    void anExplicitHostThatDoesNotAnswerFailsNamingItAndNoOtherEngineIsAsked() throws IOException {
        env.put("DOCKER_HOST", "tcp://docker-host:2375");
        answering.add("tcp://docker-host:2375");
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        assertThatThrownBy(() -> locator().findEndpoint("tcp://explicit:2375"))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot reach the Docker engine given by dock.host (tcp://explicit:2375): no answer"
                        + " (Connection refused). The build uses only that engine: start it, correct dock.host, or"
                        + " remove it to use DOCKER_HOST, the Docker context or the usual sockets.");
        assertThat(pinged).containsExactly("tcp://explicit:2375");
        assertThat(debug)
                .containsExactly(
                        "Docker engine lookup: dock.host (tcp://explicit:2375): no answer (Connection refused)");
    }

    @Test
    void aDockerHostThatDoesNotAnswerFailsNamingItThoughAUsualSocketAnswers() throws IOException {
        env.put("DOCKER_HOST", "tcp://stale:2375");
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot reach the Docker engine given by DOCKER_HOST (tcp://stale:2375): no answer"
                        + " (Connection refused). The build uses only that engine: start it, correct DOCKER_HOST, or"
                        + " unset it to use the Docker context or the usual sockets.");
        assertThat(pinged).containsExactly("tcp://stale:2375");
    }

    @Test
    void aDockerContextVariableWhoseEngineDoesNotAnswerFailsNamingIt() throws IOException {
        context("remote", "tcp://remote:2375");
        env.put("DOCKER_CONTEXT", "remote");
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot reach the Docker engine given by DOCKER_CONTEXT (context 'remote',"
                        + " tcp://remote:2375): no answer (Connection refused). The build uses only that engine: start"
                        + " it, name another context in DOCKER_CONTEXT, or unset it to use the current context or the"
                        + " usual sockets.");
        assertThat(pinged).containsExactly("tcp://remote:2375");
    }

    @Test
    void aCurrentContextWhoseEngineDoesNotAnswerFailsNamingItAndTheConfigFile() throws IOException {
        context("colima", "unix:///nowhere/docker.sock");
        currentContext("colima");
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .isInstanceOf(EngineException.class)
                .hasMessage("Cannot reach the Docker engine given by the currentContext of " + home
                        + "/.docker/config.json (context 'colima', unix:///nowhere/docker.sock): no such socket. The"
                        + " build uses only that engine: start it, or switch contexts (docker context use default"
                        + " means the usual sockets).");
        assertThat(pinged).isEmpty();
    }

    @Test
    void dockerHostWinsOverTheContextAndTheSockets() throws IOException {
        env.put("DOCKER_HOST", "tcp://docker-host:2375");
        answering.add("tcp://docker-host:2375");
        context("colima", "unix:///somewhere/docker.sock");
        currentContext("colima");
        answering.add("unix:///somewhere/docker.sock");

        assertThat(locator().findEndpoint(null).host()).isEqualTo("tcp://docker-host:2375");
    }

    @Test
    void theCurrentContextOfConfigJsonIsReadFromItsMetaJson() throws IOException {
        String socket = socketAt(temp.resolve("colima/docker.sock"));
        context("colima", socket);
        currentContext("colima");
        answering.add(socket);
        answering.add(socketAt(root.resolve("var/run/docker.sock")));

        EngineEndpoint found = locator().findEndpoint(null);

        assertThat(found).isEqualTo(new EngineEndpoint(socket, null, "context 'colima'"));
    }

    @Test
    void dockerContextOverridesTheCurrentContextOfConfigJson() throws IOException {
        context("colima", "tcp://colima:2375");
        context("remote", "tcp://remote:2375");
        currentContext("colima");
        env.put("DOCKER_CONTEXT", "remote");
        answering.add("tcp://colima:2375");
        answering.add("tcp://remote:2375");

        assertThat(locator().findEndpoint(null).source()).isEqualTo("context 'remote'");
    }

    @Test
    void dockerConfigMovesTheConfigDirectory() throws IOException {
        Path config = temp.resolve("elsewhere");
        env.put("DOCKER_CONFIG", config.toString());
        Path meta = config.resolve("contexts/meta")
                .resolve(EngineLocator.sha256("lima"))
                .resolve("meta.json");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "{\"Name\":\"lima\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://lima:2375\"}}}");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"lima\"}");
        answering.add("tcp://lima:2375");

        assertThat(locator().findEndpoint(null).source()).isEqualTo("context 'lima'");
    }

    @Test
    void aContextWithTlsMaterialUsesIt() throws IOException {
        context("secure", "tcp://secure:2376");
        currentContext("secure");
        Path tls = home.resolve(".docker/contexts/tls")
                .resolve(EngineLocator.sha256("secure"))
                .resolve("docker");
        Files.createDirectories(tls);
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.writeString(tls.resolve(file), "");
        }
        answering.add("tcp://secure:2376");

        assertThat(locator().findEndpoint(null).tlsCertDir()).isEqualTo(tls);
    }

    @Test
    void theDefaultContextMeansTheUsualSockets() throws IOException {
        currentContext("default");
        String socket = socketAt(root.resolve("var/run/docker.sock"));
        answering.add(socket);

        EngineEndpoint found = locator().findEndpoint(null);

        assertThat(found).isEqualTo(new EngineEndpoint(socket, null, "well-known socket"));
        assertThat(debug)
                .startsWith(
                        "Docker engine lookup: dock.host: not set",
                        "Docker engine lookup: DOCKER_HOST: not set",
                        "Docker engine lookup: Docker context 'default': means the usual sockets, tried below");
    }

    @Test
    void anUnknownContextIsReportedWithThePathLookedAt() throws IOException {
        env.put("DOCKER_CONTEXT", "gone");
        Path meta = home.resolve(".docker/contexts/meta")
                .resolve(EngineLocator.sha256("gone"))
                .resolve("meta.json");

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .hasMessage("Cannot reach the Docker engine given by DOCKER_CONTEXT (context 'gone'): no such context"
                        + " (no " + meta + "). The build uses only that engine: start it, name another context in"
                        + " DOCKER_CONTEXT, or unset it to use the current context or the usual sockets.");
    }

    @Test
    void aContextHashIsTheSha256OfItsName() {
        // the value `docker context inspect` shows for a context named "colima"
        assertThat(EngineLocator.sha256("colima"))
                .isEqualTo("f24fd3749c1368328e2b149bec149cb6795619f244c5b584e844961215dadd16");
    }

    @Test
    void dockerTlsVerifyTakesTheCertificatesFromDockerCertPath() throws IOException {
        Path certs = Files.createDirectories(temp.resolve("certs"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.writeString(certs.resolve(file), "");
        }
        env.put("DOCKER_HOST", "tcp://secure");
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", certs.toString());
        answering.add("tcp://secure:2376");

        EngineEndpoint found = locator().findEndpoint(null);

        assertThat(found).isEqualTo(new EngineEndpoint("tcp://secure:2376", certs, "DOCKER_HOST"));
    }

    @Test
    void dockerTlsVerifyWithoutCertificatesSaysWhichAreMissing() {
        env.put("DOCKER_HOST", "tcp://secure:2376");
        env.put("DOCKER_TLS_VERIFY", "1");

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .hasMessageStartingWith("Cannot reach the Docker engine given by DOCKER_HOST (tcp://secure:2376):"
                        + " DOCKER_TLS_VERIFY is set, but " + home + "/.docker lacks ca.pem, cert.pem, key.pem. The"
                        + " build uses only that engine: ");
    }

    @Test
    void aRefusedCertificateIsReportedAsATlsFailureNotAsADeadEngine() throws IOException {
        Path certs = Files.createDirectories(temp.resolve("certs"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.writeString(certs.resolve(file), "");
        }
        env.put("DOCKER_HOST", "tcp://build-box:2376");
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", certs.toString());
        EngineLocator locator = new EngineLocator(env, home, root, debug::add, (endpoint, limit) -> {
            throw new IllegalStateException(new SSLPeerUnverifiedException(
                    "Certificate for <build-box> doesn't match any of the subject alternative names: [10.0.0.5]"));
        });

        assertThatThrownBy(() -> locator.findEndpoint(null))
                .hasMessageStartingWith("Cannot reach the Docker engine given by DOCKER_HOST (tcp://build-box:2376):"
                        + " TLS handshake failed (Certificate for <build-box> doesn't match any of the subject"
                        + " alternative names: [10.0.0.5]). The build uses only that engine: ");
    }

    @Test
    void aSocketNamedTwiceIsPingedOnce() throws IOException {
        String socket = socketAt(root.resolve("var/run/docker.sock"));
        env.put("XDG_RUNTIME_DIR", root.resolve("var/run").toString());

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .hasMessageContaining("  - " + socket + ": no answer (Connection refused)\n  - " + socket
                        + ": already tried above\n");
        assertThat(pinged).containsExactly(socket);
    }

    @Test
    void sshHostsAreExplainedNotPinged() {
        env.put("DOCKER_HOST", "ssh://me@build-box");

        assertThatThrownBy(() -> locator().findEndpoint(null))
                .hasMessage("Cannot reach the Docker engine given by DOCKER_HOST (ssh://me@build-box): ssh:// is not"
                        + " supported; forward the socket (ssh -L /tmp/docker.sock:/var/run/docker.sock host) and use"
                        + " unix:///tmp/docker.sock. The build uses only that engine: start it, correct DOCKER_HOST,"
                        + " or unset it to use the Docker context or the usual sockets.");
        assertThat(pinged).isEmpty();
    }

    @Test
    void theRealPingGivesUpQuicklyOnASocketThatNobodyListensOn() throws IOException {
        Path path = temp.resolve("dead.sock");
        EngineLocator locator =
                new EngineLocator(Map.of("DOCKER_HOST", "unix://" + path), home, root, debug::add, EngineLocator::ping);
        // a stale socket file, as a crashed engine leaves behind
        try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
        }

        long start = System.nanoTime();
        assertThatThrownBy(() -> locator.findEndpoint(null))
                .hasMessageStartingWith(
                        "Cannot reach the Docker engine given by DOCKER_HOST (unix://" + path + "): no answer (");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void theRealPingGivesUpAfterTenSecondsOnAUsualSocketThatNeverAnswers() throws Exception {
        Path path = home.resolve(".docker/run/docker.sock");
        Files.createDirectories(path.getParent());
        try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            EngineLocator locator = new EngineLocator(Map.of(), home, root, debug::add, EngineLocator::ping);

            long start = System.nanoTime();
            assertThatThrownBy(() -> locator.findEndpoint(null))
                    .hasMessageContaining("  - unix://" + path + ": did not answer within 10s\n");
            assertThat(System.nanoTime() - start).isLessThan(14_000_000_000L);
        }
    }

    @Test
    void aConfiguredEngineIsGivenLongerToAnswerThanAUsualSocket() throws IOException {
        String socket = socketAt(root.resolve("var/run/docker.sock"));
        assertThatThrownBy(() -> locator().findEndpoint(null));
        context("colima", "tcp://colima:2375");
        env.put("DOCKER_CONTEXT", "colima");
        assertThatThrownBy(() -> locator().findEndpoint(null));
        env.put("DOCKER_HOST", "tcp://busy-engine:2375");
        assertThatThrownBy(() -> locator().findEndpoint(null));

        assertThatThrownBy(() -> locator().findEndpoint("tcp://explicit:2375"));

        assertThat(limits)
                .containsEntry("tcp://explicit:2375", Duration.ofSeconds(15))
                .containsEntry("tcp://busy-engine:2375", Duration.ofSeconds(15))
                .containsEntry("tcp://colima:2375", Duration.ofSeconds(15))
                .containsEntry(socket, Duration.ofSeconds(10));
    }
}

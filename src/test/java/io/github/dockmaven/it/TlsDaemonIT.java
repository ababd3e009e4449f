package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.EngineLocator;
import io.github.dockmaven.docker.RegistryAuth;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TCP daemon with TLS and client certificates, found the ways users point at one: {@code DOCKER_HOST} with {@code
 * DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}, and a Docker context whose TLS material is in the context store;
 * with hostname verification on. The daemon is a second dockerd started for this class (see {@link TlsDockerd}).
 */
class TlsDaemonIT {

    static final Path BUSYBOX_ARCHIVE = Path.of(System.getenv().getOrDefault("DOCK_STATE_DIR", "/tmp/dock-engine"))
            .resolve("busybox.tar");

    static TlsDockerd daemon;

    @TempDir
    Path temp;

    private final List<String> debug = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws IOException {
        assertThat(TlsDockerd.DOCKERD).as("dockerd (Debian's docker.io)").isExecutable();
        assertThat(BUSYBOX_ARCHIVE)
                .as("the busybox archive of scripts/fixtures.sh")
                .isRegularFile();
        daemon = TlsDockerd.start();
        try (DockerJavaEngine setup = new DockerJavaEngine(daemon.socket(), RegistryAuth.NONE)) {
            setup.load(BUSYBOX_ARCHIVE);
        }
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private EngineLocator locator(Map<String, String> env) throws IOException {
        return new EngineLocator(env, Files.createDirectories(temp.resolve("home")), debug::add);
    }

    @Test
    void dockerHostWithTlsVerifyAndCertPathRunsAContainer() throws Exception {
        EngineLocator locator = locator(Map.of(
                "DOCKER_HOST", daemon.tcpHost(),
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", daemon.clientCerts().toString()));

        try (DockerJavaEngine engine = locator.find(null, RegistryAuth.NONE)) {
            assertThat(engine.info().endpoint()).isEqualTo(daemon.tcpHost());
            assertThat(engine.info().source()).isEqualTo("DOCKER_HOST");
            // dock.<alias>.host for a remote daemon is its host, not localhost
            assertThat(engine.info().portHost()).isEqualTo("127.0.0.1");
            runsAndRemovesAContainer(engine);
        }
        assertThat(debug).contains("Docker engine lookup: DOCKER_HOST (" + daemon.tcpHost() + "): answers; using it");
    }

    @Test
    void aDockerContextWithTlsMaterialRunsAContainer() throws Exception {
        Path config = Files.createDirectories(temp.resolve("docker-config"));
        String hash = sha256("tls-it");
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(hash));
        Files.writeString(
                meta.resolve("meta.json"),
                "{\"Name\":\"tls-it\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + daemon.tcpHost()
                        + "\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(
                config.resolve("contexts/tls").resolve(hash).resolve("docker"));
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.copy(daemon.clientCerts().resolve(file), tls.resolve(file));
        }
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"tls-it\"}");
        EngineLocator locator = locator(Map.of("DOCKER_CONFIG", config.toString()));

        try (DockerJavaEngine engine = locator.find(null, RegistryAuth.NONE)) {
            assertThat(engine.info().source()).isEqualTo("context 'tls-it'");
            assertThat(engine.endpoint().tlsCertDir()).isEqualTo(tls);
            runsAndRemovesAContainer(engine);
        }
    }

    @Test
    void aMavenBuildRunsItsContainersOnTheTlsDaemonAndExportsTheDaemonsHost() throws IOException {
        Path project = Files.createDirectories(temp.resolve("project"));
        MavenRun.project(
                project,
                "tls-daemon-build",
                "<container><alias>web</alias><image>dock-it/busybox:1</image><pullPolicy>never</pullPolicy>"
                        + "<command>httpd -f -p 8080</command><ports><port>8080</port></ports>"
                        + "<wait><tcp>8080</tcp><timeout>30s</timeout></wait><stopMode>kill</stopMode></container>");

        MavenRun.Run run = MavenRun.run(
                        project,
                        Map.of(
                                "DOCKER_HOST", daemon.tcpHost(),
                                "DOCKER_TLS_VERIFY", "1",
                                "DOCKER_CERT_PATH", daemon.clientCerts().toString()),
                        "-X",
                        "verify")
                .succeeded();

        assertThat(run.output())
                .contains("[DEBUG] Using the engine at " + daemon.tcpHost() + " (DOCKER_HOST, ")
                .containsPattern("Started 'web' \\(dock-it/busybox:1, [0-9a-f]{12}\\) in [0-9.]+m?s; 8080 ->"
                        + " 127\\.0\\.0\\.1:\\d+")
                .contains("[DEBUG] Set dock.web.host=127.0.0.1");
        try (DockerJavaEngine engine = new DockerJavaEngine(daemon.socket(), RegistryAuth.NONE)) {
            Map<String, String> ours = Map.of("io.github.dockmaven.project", "io.github.dockmaven.it:tls-daemon-build");
            assertThat(engine.listContainers(ours)).isEmpty();
            assertThat(engine.listNetworks(ours)).isEmpty();
        }
    }

    @Test
    void aHostNameTheServerCertificateDoesNotHoldIsRefused() throws IOException {
        // the certificate holds IP:127.0.0.1 only; localhost reaches the same daemon under a name it does not hold
        String byName = "tcp://localhost:" + daemon.port();
        EngineLocator locator = locator(Map.of(
                "DOCKER_HOST",
                byName,
                "DOCKER_TLS_VERIFY",
                "1",
                "DOCKER_CERT_PATH",
                daemon.clientCerts().toString()));

        assertThat(lookUp(locator))
                .contains("Docker engine lookup: DOCKER_HOST (" + byName + "): TLS handshake failed (Certificate for"
                        + " <localhost> doesn't match common name of the certificate subject: dockerd)");
    }

    @Test
    void aDaemonWhoseCertificateAnotherAuthoritySignedIsRefused() throws IOException {
        Path otherCa = Certificates.authority(temp.resolve("other-ca")).dockerClientDir(temp.resolve("other"), "x");
        EngineLocator locator = locator(Map.of(
                "DOCKER_HOST", daemon.tcpHost(), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", otherCa.toString()));

        assertThat(lookUp(locator))
                .contains("Docker engine lookup: DOCKER_HOST (" + daemon.tcpHost() + "): TLS handshake failed (Path"
                        + " does not chain with any of the trust anchors)");
    }

    @Test
    void withoutAClientCertificateTheDaemonRefusesTheConnection() throws IOException {
        Path caOnly = Files.createDirectories(temp.resolve("ca-only"));
        Files.copy(daemon.clientCerts().resolve("ca.pem"), caOnly.resolve("ca.pem"));
        EngineLocator locator = locator(Map.of(
                "DOCKER_HOST", daemon.tcpHost(), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", caOnly.toString()));

        assertThat(lookUp(locator))
                .contains("Docker engine lookup: DOCKER_HOST (" + daemon.tcpHost() + "): DOCKER_TLS_VERIFY is set, but "
                        + caOnly + " lacks cert.pem, key.pem");
    }

    /** The lookup's debug lines, after it failed: a refused DOCKER_HOST is never traded for another engine. */
    private List<String> lookUp(EngineLocator locator) {
        assertThatThrownBy(() -> locator.find(null, RegistryAuth.NONE))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot reach the Docker engine given by DOCKER_HOST (");
        return debug;
    }

    private static void runsAndRemovesAContainer(DockerJavaEngine engine) throws Exception {
        String id = engine.createContainer(new ContainerCreate(
                "dock-tls-it-" + System.nanoTime(),
                "dock-it/busybox:1",
                List.of("sh", "-c", "echo hello over tls; exec sleep 60"),
                null,
                Map.of(),
                Map.of("io.github.dockmaven.test", "tls-daemon-it"),
                List.of(),
                List.of(),
                Map.of(),
                "none",
                RunOptions.DEFAULTS));
        try {
            engine.startContainer(id);
            List<String> lines = new CopyOnWriteArrayList<>();
            try (Closeable follower = engine.followLogs(id, (LogLine line) -> lines.add(line.text()), () -> {})) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!lines.contains("hello over tls") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertThat(lines).contains("hello over tls");
            assertThat(engine.inspect(id).map(ContainerInfo::status)).contains(ContainerInfo.Status.RUNNING);
        } finally {
            engine.removeContainer(id);
        }
        assertThat(engine.inspect(id)).isEmpty();
        assertThat(engine.listContainers(Map.of("io.github.dockmaven.test", "tls-daemon-it")))
                .isEmpty();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

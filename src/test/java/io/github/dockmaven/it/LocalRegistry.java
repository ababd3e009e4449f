package io.github.dockmaven.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Docker registry on 127.0.0.1 (Debian's {@code docker-registry}), with htpasswd authentication and, if asked, TLS.
 * The engine trusts any registry on 127.0.0.0/8 without TLS verification, so no certificate needs installing.
 * {@link #close()} stops it by its pid and deletes its files.
 */
final class LocalRegistry implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalRegistry(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a registry in {@code dir}.
     *
     * @param user the only user, or null for no authentication
     * @param password that user's password
     * @param tls whether it serves HTTPS (with a certificate for IP 127.0.0.1)
     */
    static LocalRegistry start(Path dir, String user, String password, boolean tls) {
        int port = freePort();
        StringBuilder config =
                new StringBuilder("version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: false\n"
                        + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data")
                        + "\n  delete:\n    enabled: true\n"
                        + "http:\n  addr: 127.0.0.1:" + port + "\n");
        if (tls) {
            Certificates ca = Certificates.authority(dir.resolve("tls"));
            Path[] server = ca.server("registry", "IP:127.0.0.1,DNS:localhost");
            config.append("  tls:\n    certificate: ")
                    .append(server[0])
                    .append("\n    key: ")
                    .append(server[1])
                    .append('\n');
        }
        try {
            Files.createDirectories(dir);
            if (user != null) {
                Files.writeString(
                        dir.resolve("htpasswd"),
                        Commands.run(List.of("htpasswd", "-niB", user), Map.of(), password + "\n")
                                        .strip() + "\n");
                config.append("auth:\n  htpasswd:\n    realm: dock-test\n    path: ")
                        .append(dir.resolve("htpasswd"))
                        .append('\n');
            }
            Path file = dir.resolve("config.yml");
            Files.writeString(file, config);
            Process process = new ProcessBuilder(BINARY.toString(), "serve", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile())
                    .start();
            LocalRegistry registry = new LocalRegistry(dir, port, process);
            registry.awaitListening();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** What the registry logged: one line per request. */
    String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "docker-registry exited at once (exit code " + process.exitValue() + "):\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new AssertionError("docker-registry did not listen on " + host() + " within 20s:\n" + log());
    }

    /** Stops the registry (SIGTERM to its pid, SIGKILL after 10s) and deletes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Commands.deleteTree(dir);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

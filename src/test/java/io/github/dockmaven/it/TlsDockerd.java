package io.github.dockmaven.it;

import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.EngineEndpoint;
import io.github.dockmaven.docker.RegistryAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker daemon on this machine, next to the one the other tests use: it listens on {@code
 * tcp://127.0.0.1:<port>} with TLS and client certificates ({@code --tlsverify}), and on a Unix socket of its own.
 * Everything it keeps (data root, exec root, pid file, sockets, its containerd) lives in one temporary directory, it
 * uses a bridge of its own (never {@code --bridge=none}: with it dockerd deletes {@code docker0}, the main daemon's
 * default bridge) and writes no iptables rules, and networks it is asked for come from 10.231.0.0/16, so it does not
 * get in the way of the main daemon. {@link #close()} stops it by its pid and deletes the directory.
 *
 * <p>Its server certificate holds only {@code IP:127.0.0.1}: a client that connects by another name must refuse it.
 */
final class TlsDockerd implements AutoCloseable {

    static final Path DOCKERD = Path.of("/usr/sbin/dockerd");

    private final Path dir;
    private final int port;
    private final Process process;
    private final Path clientCerts;

    private TlsDockerd(Path dir, int port, Process process, Path clientCerts) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.clientCerts = clientCerts;
    }

    /** Starts the daemon and waits until it answers on its Unix socket (up to 60s). */
    static TlsDockerd start() throws IOException {
        Path dir = Files.createTempDirectory("dock-tls-dockerd-");
        Certificates ca = Certificates.authority(dir.resolve("ca"));
        Path[] server = ca.server("dockerd", "IP:127.0.0.1");
        Path clientCerts = ca.dockerClientDir(dir.resolve("client"), "dock-client");
        Files.writeString(dir.resolve("daemon.json"), "{}\n");
        int port = LocalRegistry.freePort();
        String bridge = bridgeName(port);
        Commands.run(List.of("ip", "link", "add", bridge, "type", "bridge"));
        Commands.run(List.of("ip", "addr", "add", "10.232.0.1/24", "dev", bridge));
        Commands.run(List.of("ip", "link", "set", bridge, "up"));
        String namespace = "dock-tls-" + dir.getFileName().toString().replaceAll("[^a-zA-Z0-9]", "");
        List<String> command = new ArrayList<>(List.of(
                DOCKERD.toString(),
                "--config-file",
                dir.resolve("daemon.json").toString(),
                "--data-root",
                dir.resolve("data").toString(),
                "--exec-root",
                dir.resolve("exec").toString(),
                "--pidfile",
                dir.resolve("docker.pid").toString(),
                "-H",
                "unix://" + dir.resolve("docker.sock"),
                "-H",
                "tcp://127.0.0.1:" + port,
                "--tlsverify",
                "--tlscacert",
                ca.ca().toString(),
                "--tlscert",
                server[0].toString(),
                "--tlskey",
                server[1].toString(),
                "--bridge=" + bridge,
                "--iptables=false",
                "--ip-masq=false",
                "--default-address-pool",
                "base=10.231.0.0/16,size=24",
                "--containerd-namespace",
                namespace,
                "--containerd-plugins-namespace",
                namespace + "-plugins",
                "--log-level",
                "warn"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dockerd.log").toFile())
                .start();
        TlsDockerd daemon = new TlsDockerd(dir, port, process, clientCerts);
        try {
            daemon.awaitAnswer();
        } catch (RuntimeException | Error e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** {@code tcp://127.0.0.1:<port>}, where it speaks TLS. */
    String tcpHost() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** {@code ca.pem}, {@code cert.pem} and {@code key.pem} of a client the daemon accepts. */
    Path clientCerts() {
        return clientCerts;
    }

    /** The daemon's Unix socket: for setting up, without TLS. */
    EngineEndpoint socket() {
        return EngineEndpoint.of("unix://" + dir.resolve("docker.sock"));
    }

    String log() {
        try {
            return Files.readString(dir.resolve("dockerd.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the second dockerd exited (code " + process.exitValue() + "):\n" + log());
            }
            if (Files.exists(dir.resolve("docker.sock"))) {
                try (DockerJavaEngine engine = new DockerJavaEngine(socket(), RegistryAuth.NONE)) {
                    if (!engine.info().version().equals("unknown")) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second dockerd did not answer within 60s:\n" + log());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Stops the daemon: SIGTERM to its pid, SIGKILL to it and its children (its containerd) after 30s; then unmounts
     * whatever is still mounted below its directory and deletes it.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    child.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new AssertionError("could not stop the second dockerd (pid " + process.pid() + ")", e);
        }
        unmountBelow(dir);
        Commands.deleteTree(dir);
        Commands.tryRun(List.of("ip", "link", "delete", bridgeName(port)), Map.of(), null);
    }

    /** The second daemon's own bridge: a name unique to its port, within Linux's 15 characters. */
    private static String bridgeName(int port) {
        return "docktls" + port;
    }

    private static void unmountBelow(Path dir) {
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mounts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.stream()
                .map(line -> line.split(" ")[1])
                .filter(point -> point.startsWith(dir.toString()))
                .sorted(Comparator.reverseOrder())
                .forEach(point -> Commands.tryRun(List.of("umount", "-l", point), java.util.Map.of(), null));
    }
}

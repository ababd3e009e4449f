package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.it.MavenLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real {@code mvn} build of a copy of a test project under {@code src/test/resources/projects}, started by {@link
 * MavenLauncher}, which a test watches, signals and kills while it runs. Its output (and that of the watchdog, which
 * inherits it) goes to {@code build.log} in the copy ({@code build-2.log}, ... for later builds in the same copy).
 *
 * <p>{@code mvn} is a shell script that ends in {@code exec java}, so the process started here becomes the Maven JVM
 * itself: signals sent to {@link #pid()} reach Maven, as a terminal's Ctrl-C or a CI runner's abort would.
 */
final class MavenBuild implements AutoCloseable {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private final Path dir;
    private final Path log;
    private final Process process;

    private MavenBuild(Path dir, Path log, Process process) {
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /**
     * Copies {@code src/test/resources/projects/<project>} to a fresh directory under {@code target}, with
     * {@code @artifactId@} in its POM replaced.
     */
    static Path copy(String project, String artifactId) throws IOException {
        Path source = Path.of(MavenLauncher.property("basedir"), "src/test/resources/projects", project);
        Path target = Path.of(
                MavenLauncher.property("basedir"), "target/dying-builds", artifactId + "-" + COPIES.incrementAndGet());
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path pom = target.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@artifactId@", artifactId));
        Files.createDirectories(target.resolve("markers"));
        return target;
    }

    /** Starts {@code mvn <args>} in {@code dir} (see {@link MavenLauncher}), with the markers directory given. */
    static MavenBuild start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("-Dmarkers=" + dir.resolve("markers")));
        command.addAll(List.of(args));
        MavenLauncher.Launched launched = MavenLauncher.in(dir).start(command);
        MavenBuild build = new MavenBuild(dir, launched.log(), launched.process());
        build.awaitJava();
        return build;
    }

    /** The Maven JVM's pid. */
    long pid() {
        return process.pid();
    }

    Path dir() {
        return dir;
    }

    Path markers() {
        return dir.resolve("markers");
    }

    /** Waits until the script has exec'd java, so that {@link #pid()} is the JVM that signals must reach. */
    private void awaitJava() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Optional<String> command = process.info().command();
            if (command.isPresent()
                    && Path.of(command.get()).getFileName().toString().startsWith("java")) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("mvn did not exec java within 10s: " + process.info());
    }

    /** Waits until the file exists in the markers directory; fails with the build log when Maven ended first. */
    void awaitMarker(String name, Duration limit) {
        Path file = markers().resolve(name);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new AssertionError("Maven ended before " + name + " appeared:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not appear within " + limit + ":\n" + log());
            }
            sleep(100);
        }
    }

    /** Lets the held integration test finish. */
    void release() throws IOException {
        Path release = markers().resolve("release");
        if (!Files.exists(release)) {
            Files.writeString(release, "go");
        }
    }

    /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}) to the Maven JVM. */
    void signal(String signal) throws IOException, InterruptedException {
        if (signal.equals("INT")) {
            assertThat(ignoresSigint(pid()))
                    .as("SIGINT is ignored by the Maven under test, as by this JVM, which inherited that from a shell"
                            + " that started it as a background job (a non-interactive `cmd &`): run the tests in"
                            + " the foreground, or from a shell with job control (set -m)")
                    .isFalse();
        }
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -s %s %d", signal, pid()).isZero();
    }

    /** Whether process {@code pid} ignores SIGINT (its SigIgn mask in /proc, bit 1), which no signal can change. */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false; // no /proc (not Linux): the signal will tell
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(
                                        line.substring("SigIgn:".length()).trim(), 16)
                                & 0b10)
                        != 0;
            }
        }
        return false;
    }

    /** Waits for Maven to end and returns its exit code; fails with the build log if it does not end in time. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Maven did not end within " + limit + ":\n" + log());
        }
        return process.exitValue();
    }

    /** The watchdog that this Maven started, while Maven runs. */
    Optional<ProcessHandle> watchdog() {
        return process.children()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains("io.github.dockmaven.watchdog.Watchdog"))
                        .orElse(false))
                .findFirst();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no build.log: " + e + ")";
        }
    }

    /** Releases the test and kills Maven and its descendants if they still run. */
    @Override
    public void close() throws IOException {
        release();
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

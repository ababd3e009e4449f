package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A real {@code mvn} build of a copy of a test project under {@code src/test/resources/projects}, run with the Maven
 * that runs this build, without network, against the local repository into which {@code invoker:install} put the
 * plugin under test. Its output (and that of the watchdog, which inherits it) goes to {@code build.log} in the copy ({@code
 * build-2.log}, ... for later builds in the same copy).
 *
 * <p>{@code mvn} is a shell script that ends in {@code exec java}, so the process started here becomes the Maven JVM
 * itself: signals sent to {@link #pid()} reach Maven, as a terminal's Ctrl-C or a CI runner's abort would.
 */
final class MavenBuild implements AutoCloseable {

    private static final AtomicInteger COPIES = new AtomicInteger();

    /**
     * Every repository is the main build's local repository, read as a remote one: nothing goes to the network, and
     * unlike {@code -o} (which Maven 3.8 applies to {@code file:} repositories too) whatever the build needs and the
     * local repository of the ITs lacks is copied from there.
     */
    private static final String SETTINGS =
            """
            <settings>
              <mirrors>
                <mirror>
                  <id>main-build-repository</id>
                  <mirrorOf>*</mirrorOf>
                  <url>@userRepo@</url>
                </mirror>
              </mirrors>
            </settings>
            """;

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
        Path source = Path.of(property("basedir"), "src/test/resources/projects", project);
        Path target = Path.of(property("basedir"), "target/dying-builds", artifactId + "-" + COPIES.incrementAndGet());
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
        // the copy is a root project of its own, not a module of the build it sits in (Maven 4 looks upwards)
        Files.createDirectories(target.resolve(".mvn"));
        return target;
    }

    /** Starts {@code mvn <args>} in {@code dir}. */
    static MavenBuild start(Path dir, String... args) throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                SETTINGS.replace(
                        "@userRepo@",
                        Path.of(property("dock.it.userRepo")).toUri().toString()));
        List<String> command = new ArrayList<>(List.of(
                Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + property("dock.it.localRepo"),
                "-Ddock.version=" + property("dock.version"),
                "-Djunit.version=" + property("junit.version"),
                "-Dfailsafe.version=" + property("failsafe.version"),
                "-Dbusybox=" + property("busybox"),
                "-Dmarkers=" + dir.resolve("markers")));
        command.addAll(List.of(args));
        // build.log, then build-2.log, ... for later builds in the same copy
        Path log = dir.resolve("build.log");
        for (int n = 2; Files.exists(log); n++) {
            log = dir.resolve("build-" + n + ".log");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("MAVEN_ARGS");
        // short builds: the C1 compiler alone starts Maven faster, on a machine that other builds share
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xss1m");
        MavenBuild build = new MavenBuild(dir, log, builder.start());
        build.awaitJava();
        return build;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by failsafe's systemPropertyVariables in the plugin's POM)", name)
                .isNotNull();
        return value;
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
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -s %s %d", signal, pid()).isZero();
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

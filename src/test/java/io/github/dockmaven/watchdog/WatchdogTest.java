package io.github.dockmaven.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.InMemoryEngine;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Processes;
import io.github.dockmaven.core.Scope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private static final String SESSION = "s3ss10n";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private Process maven;
    private String db;
    private String app;

    @BeforeEach
    void aBuildWithTwoContainersANetworkAndAVolume() throws IOException {
        maven = Processes.sleeper();
        db = engine.givenContainer("shop-db", "example/db:1", labels(Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        app = engine.givenContainer("shop-app", "example/app:1", labels(Labels.MODE_LIFECYCLE, "app"), Status.RUNNING);
        engine.givenNetwork("shop-net", labels(Labels.MODE_LIFECYCLE, null));
        engine.givenVolume("shop-vol-data", labels(Labels.MODE_LIFECYCLE, null));
        engine.givenContainer("cli", "example/db:1", labels(Labels.MODE_CLI, "db"), Status.RUNNING);
    }

    @AfterEach
    void shutDown() {
        maven.destroyForcibly();
        engine.close();
    }

    private Map<String, String> labels(String mode, String alias) {
        Map<String, String> labels = new LinkedHashMap<>(
                new Scope("com.example:shop", "shop", SESSION, "default", mode, "ci/" + maven.pid()).labels());
        if (alias != null) {
            labels.put(Labels.ALIAS, alias);
        }
        return labels;
    }

    private Watchdog watchdog(long pid) {
        return new Watchdog(
                () -> engine,
                pid,
                SESSION,
                Duration.ofSeconds(5),
                Duration.ZERO,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private CompletableFuture<Integer> watchInBackground(InputStream control) {
        return CompletableFuture.supplyAsync(() -> watchdog(maven.pid()).watch(control, () -> {}));
    }

    private List<String> remaining() {
        return java.util.stream.Stream.of(
                        engine.containers().stream().map(ContainerInfo::name),
                        engine.networks().stream().map(Engine.ResourceInfo::name),
                        engine.volumes().stream().map(Engine.ResourceInfo::name))
                .flatMap(s -> s)
                .toList();
    }

    private static InputStream lines(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void saysReadyAndExitsWithoutRemovingAnythingWhenMavenSaysDone() {
        AtomicBoolean ready = new AtomicBoolean();

        int status = watchdog(maven.pid()).watch(lines("done\n"), () -> ready.set(true));

        assertThat(status).isZero();
        assertThat(ready).isTrue();
        assertThat(remaining()).hasSize(5);
        assertThat(log()).isEmpty();
    }

    @Test
    void removesWhatTheBuildStartedWhenThePipeBreaksAndMavenIsGone() throws Exception {
        PipedOutputStream pipe = new PipedOutputStream();
        CompletableFuture<Integer> watching = watchInBackground(new PipedInputStream(pipe));

        maven.destroyForcibly().waitFor();
        pipe.close();

        assertThat(watching.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(remaining()).containsExactly("cli");
        assertThat(log())
                .startsWith("[dock watchdog] Maven ended without dock:stop; removed what build s3ss10n (Maven process "
                        + maven.pid() + ") had started: 2 containers (")
                .contains("'db' (example/db:1, " + db.substring(0, 12) + ")")
                .contains("'app' (example/app:1, " + app.substring(0, 12) + ")")
                .contains("), 1 network and 1 volume in ");
    }

    @Test
    void leavesWhatMavenToldItToKeep() throws Exception {
        PipedOutputStream pipe = new PipedOutputStream();
        CompletableFuture<Integer> watching = watchInBackground(new PipedInputStream(pipe));
        pipe.write(("keep " + db + "\nkeep shop-vol-data\n").getBytes(StandardCharsets.UTF_8));
        pipe.flush();

        maven.destroyForcibly().waitFor();
        pipe.close();

        assertThat(watching.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(remaining()).containsExactlyInAnyOrder("shop-db", "cli", "shop-vol-data");
    }

    @Test
    void neverRemovesAnythingWhileMavenStillRuns() throws Exception {
        // Maven closed the pipe without "done" (its exit cleanup failed), but has not exited yet
        CompletableFuture<Integer> watching = watchInBackground(lines(""));

        assertThatThrownBy(() -> watching.get(1500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(remaining()).hasSize(5);

        maven.destroyForcibly().waitFor();
        assertThat(watching.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(remaining()).containsExactly("cli");
    }

    @Test
    void noticesThatMavenDiedEvenIfThePipeStaysOpen() throws Exception {
        // a descendant that inherited the pipe would keep it open after Maven's death
        PipedOutputStream pipe = new PipedOutputStream();
        CompletableFuture<Integer> watching = watchInBackground(new PipedInputStream(pipe));

        maven.destroyForcibly().waitFor();

        assertThat(watching.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(remaining()).containsExactly("cli");
        pipe.close();
    }

    @Test
    void doneWrittenJustBeforeMavenExitedStillCounts() throws Exception {
        maven.destroyForcibly().waitFor();

        assertThat(watchdog(maven.pid()).watch(lines("keep x\ndone\n"), () -> {}))
                .isZero();
        assertThat(remaining()).hasSize(5);
    }

    @Test
    void opensNoEngineClientForABuildThatEndsWell() {
        AtomicBoolean connected = new AtomicBoolean();
        Watchdog watchdog = new Watchdog(
                () -> {
                    connected.set(true);
                    return engine;
                },
                maven.pid(),
                SESSION,
                Duration.ofSeconds(5),
                Duration.ZERO,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(watchdog.watch(lines("done\n"), () -> {})).isZero();
        assertThat(connected).isFalse();
    }

    @Test
    void saysWhatItCouldNotRemoveWhenTheEngineClientCannotBeOpened() throws Exception {
        maven.destroyForcibly().waitFor();
        Watchdog watchdog = new Watchdog(
                () -> {
                    throw new IllegalStateException("no such certificate directory /certs");
                },
                maven.pid(),
                SESSION,
                Duration.ofSeconds(5),
                Duration.ZERO,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(watchdog.watch(lines(""), () -> {})).isEqualTo(1);
        assertThat(log())
                .contains("Could not remove what build " + SESSION)
                .contains("no such certificate directory /certs")
                .contains("mvn dock:remove");
    }

    @Test
    void readsItsCommandLine() {
        Watchdog.Arguments arguments = Watchdog.Arguments.parse(new String[] {
            "--pid",
            "42",
            "--session",
            "s1",
            "--host",
            "tcp://build-host:2376",
            "--tls",
            "/certs",
            "--give-up-after",
            "30s"
        });

        assertThat(arguments)
                .isEqualTo(new Watchdog.Arguments(
                        42, "s1", "tcp://build-host:2376", java.nio.file.Path.of("/certs"), Duration.ofSeconds(30)));
        assertThat(Watchdog.Arguments.parse(new String[] {"--pid", "1", "--session", "s", "--host", "unix:///d"})
                        .giveUpAfter())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Watchdog.Arguments.parse(new String[] {"--pid", "x"}))
                .hasMessage("--pid must be a process id, not 'x'");
        assertThatThrownBy(() -> Watchdog.Arguments.parse(new String[] {"--pid", "1"}))
                .hasMessage("usage: Watchdog --pid <Maven pid> --session <build id> --host <engine address> [--tls"
                        + " <certificate directory>] [--give-up-after <duration>]");
        assertThatThrownBy(() -> Watchdog.Arguments.parse(new String[] {"--color", "red"}))
                .hasMessage("unknown option --color");
    }
}

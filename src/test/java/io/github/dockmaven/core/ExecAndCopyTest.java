package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.InMemoryEngine.Event;
import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code postStart} and {@code copyIn} on the way to ready, {@code preStop} and {@code copyOut} around a graceful
 * stop.
 */
class ExecAndCopyTest {

    private static final String IMAGE = "example/img:1";

    private final InMemoryEngine engine = new InMemoryEngine().image(IMAGE, ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RecordingConsole console = new RecordingConsole();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "s3ss10n0-1234-5678", "default", Labels.MODE_LIFECYCLE, "ci/4242");
    private final RunRecord record = new RunRecord(scope);
    private final Map<String, List<String>> output = new ConcurrentHashMap<>();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private void start(Specs... containers) {
        new Starter(
                        engine,
                        console,
                        scope,
                        alias -> line -> output.computeIfAbsent(
                                        alias, a -> Collections.synchronizedList(new ArrayList<>()))
                                .add(line.text()),
                        executor,
                        new ImageCache())
                .start(plan(containers), record);
    }

    private BuildFailure startFails(Specs... containers) {
        return catchThrowableOfType(BuildFailure.class, () -> start(containers));
    }

    private void stop(RemovalPolicy policy) {
        new Teardown(engine, console, executor).removeRun(record, policy).throwIfIncomplete();
    }

    private long seq(String op, String alias) {
        return engine.first(op, alias).seq();
    }

    private String shortId(String alias) {
        return Ids.shortId(engine.idOf(alias));
    }

    /** When {@code op} happened last. */
    private long lastSeq(String op) {
        return engine.events().stream()
                .filter(e -> e.op().equals(op))
                .mapToLong(Event::seq)
                .max()
                .orElseThrow();
    }

    private List<String> details(String op) {
        return engine.events().stream()
                .filter(e -> e.op().equals(op))
                .map(Event::detail)
                .toList();
    }

    @Test
    void copyInPutsEachEntryInPlaceAfterTheCreateAndBeforeTheStart() {
        start(container("db")
                .copyIn("/project/src/init.sql", "/docker-entrypoint-initdb.d/")
                .copyIn("/project/src/conf", "/etc/db/conf.d"));

        assertThat(details("copyIn"))
                .containsExactly(
                        "/project/src/init.sql -> /docker-entrypoint-initdb.d/init.sql",
                        "/project/src/conf -> /etc/db/conf.d");
        assertThat(seq("copyIn", "db")).isGreaterThan(seq("createContainer", "db"));
        assertThat(seq("startContainer", "db")).isGreaterThan(lastSeq("copyIn"));
    }

    @Test
    void postStartRunsInOrderAfterTheWaitAndTheDependentsStartOnlyAfterIt() {
        engine.script("db").prints(50, "ready").execAnswers("psql -c create", 0, "CREATE TABLE");

        start(
                container("db")
                        .waitForLog("ready")
                        .postStart("psql", "-c", "create")
                        .postStart("touch", "/done"),
                container("api").dependsOn("db"));

        assertThat(details("exec")).containsExactly("psql -c create", "touch /done");
        assertThat(seq("exec", "db")).isGreaterThan(seq("log", "db"));
        assertThat(seq("createContainer", "api")).isGreaterThan(lastSeq("exec"));
        assertThat(output.get("db"))
                .containsSubsequence("ready", "[exec] $ psql -c create", "[exec] CREATE TABLE", "[exec] $ touch /done");
    }

    @Test
    void aPostStartCommandThatExitsNonZeroFailsTheStartWithItsOutputAndRemovesEverything() {
        engine.script("db").execAnswers("sh -c exit 4", 4, "starting migration", "no such table: users");

        BuildFailure failure = startFails(
                container("db").postStart("sh", "-c", "exit 4").postStart("never", "run"),
                container("api").dependsOn("db"));

        assertThat(failure)
                .hasMessage("Container 'db' (example/img:1, " + shortId("db") + "): <postStart> command 'sh -c 'exit"
                        + " 4'' exited with code 4. Last 2 lines of its output:\n"
                        + "  | starting migration\n"
                        + "  | no such table: users");
        assertThat(details("exec")).containsExactly("sh -c exit 4");
        assertThat(engine.calls("createContainer")).containsExactly("db");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aPostStartCommandThatDoesNotEndWithinTheWaitsTimeoutFailsTheStartInsteadOfHangingIt() {
        engine.script("db").execHangs("psql -f seed.sql");

        BuildFailure failure = startFails(container("db")
                .readiness(new WaitSpec(null, List.of(), null, false, null, Duration.ofSeconds(20)))
                .postStart("psql", "-f", "seed.sql"));

        assertThat(failure)
                .hasMessage("Container 'db' (example/img:1, " + shortId("db") + "): <postStart> command 'psql -f"
                        + " seed.sql' had not ended after 20s. It printed no output. A <postStart> command may take as"
                        + " long as the"
                        + " container's <wait><timeout>: raise that, or make the command end.");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aPostStartCommandThatIsNotInTheImageSaysSo() {
        engine.script("db").execAnswers("ls /", 127, "exec: \"ls\": executable file not found in $PATH");

        BuildFailure failure = startFails(container("db").postStart("ls", "/"));

        assertThat(failure)
                .hasMessage("Container 'db' (example/img:1, " + shortId("db") + "): <postStart> command 'ls /' could"
                        + " not be run (exit code 127): the program is not in the image, or not executable. Last line"
                        + " of its output:\n  | exec: \"ls\": executable file not found in $PATH");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aPostStartCommandTheEngineCannotRunFailsTheStartWithTheEnginesWords() {
        engine.script("db").execFails("ls", "OCI runtime exec failed: no such file");

        BuildFailure failure = startFails(container("db").postStart("ls"));

        assertThat(failure)
                .hasMessage("Container 'db' (example/img:1, " + shortId("db") + "): <postStart> command 'ls' could not"
                        + " be run: OCI runtime exec failed: no such file");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aGracefulStopRunsPreStopBeforeTheStopAndCopyOutAfterItBeforeTheRemoval() {
        engine.script("db").holds("/var/log/db.log", "the server's log");
        start(container("db")
                .preStop("pg_dump", "-f", "/tmp/dump.sql")
                .copyOut("/var/log/db.log", "/project/target/logs/"));

        stop(RemovalPolicy.stop());

        assertThat(seq("exec", "db")).isLessThan(seq("stopContainer", "db"));
        assertThat(seq("copyOut", "db")).isGreaterThan(seq("stopContainer.done", "db"));
        assertThat(seq("removeContainer", "db")).isGreaterThan(seq("copyOut", "db"));
        assertThat(engine.copiedOut()).isEqualTo(Map.of(Path.of("/project/target/logs/db.log"), "the server's log"));
        // the preStop command's output goes where the container's output goes, as a postStart command's does
        assertThat(output.get("db")).contains("[exec] $ pg_dump -f /tmp/dump.sql");
        assertThat(console.said())
                .contains("INFO Copied /var/log/db.log of 'db' (example/img:1, " + shortId("db") + ") to "
                        + Path.of("/project/target/logs/db.log"));
    }

    @Test
    void aFailingPreStopAndAMissingCopyOutPathAreWarningsAndTheContainerIsStillRemoved() {
        engine.script("db").execAnswers("flush", 2, "cannot flush");
        start(container("db").preStop("flush").copyOut("/no/such/dir", "/project/target/out"));

        stop(RemovalPolicy.stop());

        String db = "Container 'db' (example/img:1, " + shortId("db") + ")";
        assertThat(console.said())
                .contains(
                        "WARN " + db + ": <preStop> command 'flush' exited with code 2. Last line of its output:\n"
                                + "  | cannot flush\n"
                                + "Stopping it anyway.",
                        "WARN " + db + ": <copyOut> found no /no/such/dir in the container; nothing was copied to "
                                + Path.of("/project/target/out") + ".");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aContainerStoppedByKillIsKilledBeforeItsFilesAreCopiedOut() {
        engine.script("db").holds("/data/dump", "rows");
        start(container("db").stopMode(StopMode.KILL).copyOut("/data/dump", "/project/target/dump"));

        stop(RemovalPolicy.stop());

        assertThat(engine.first("stopContainer", "db").detail()).isEqualTo("0ms");
        assertThat(seq("copyOut", "db")).isGreaterThan(seq("stopContainer.done", "db"));
        assertThat(engine.copiedOut()).isEqualTo(Map.of(Path.of("/project/target/dump"), "rows"));
    }

    @Test
    void aKillingTeardownRunsNeitherPreStopNorCopyOut() {
        engine.script("db").holds("/data/dump", "rows");
        start(container("db").preStop("flush").copyOut("/data/dump", "/project/target/dump"));

        stop(new RemovalPolicy(RemovalPolicy.Force.KILL, true, false, Duration.ZERO, null));

        assertThat(engine.happened("exec", "db")).isFalse();
        assertThat(engine.happened("copyOut", "db")).isFalse();
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aContainerThatNeverBecameReadyRunsNoStopHooksWhenItsStartIsRolledBack() {
        engine.script("db").execAnswers("init", 1);
        engine.script("db").holds("/data/dump", "rows");

        startFails(container("db").postStart("init").preStop("flush").copyOut("/data/dump", "/project/target/dump"));

        assertThat(details("exec")).containsExactly("init");
        assertThat(engine.happened("copyOut", "db")).isFalse();
    }

    @Test
    void aReadyContainerRolledBackBecauseAnotherFailedRunsItsStopHooks() {
        engine.script("db").holds("/var/log/db.log", "the server's log");
        engine.script("api").execAnswers("migrate", 1);

        startFails(
                container("db").preStop("flush").copyOut("/var/log/db.log", "/project/target/db.log"),
                container("api").dependsOn("db").postStart("migrate"));

        assertThat(details("exec")).containsExactly("migrate", "flush");
        assertThat(engine.copiedOut()).isEqualTo(Map.of(Path.of("/project/target/db.log"), "the server's log"));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void containersFoundByLabelsGetTheHooksOfTheirAliasFromAKnownConfiguration() {
        engine.script("svc").holds("/tmp/state", "started");
        engine.givenContainer(
                "shop-svc", IMAGE, Map.of(Labels.ALIAS, "svc", "dock.test", "x"), ContainerInfo.Status.RUNNING);
        engine.givenContainer(
                "shop-other", IMAGE, Map.of(Labels.ALIAS, "other", "dock.test", "x"), ContainerInfo.Status.RUNNING);
        StopHooks svc = new StopHooks(
                List.of(new Exec(List.of("flush"))), List.of(new CopyEntry("/tmp/state", "/project/target/out/")));

        new Teardown(engine, console, executor)
                .remove(
                        Selection.byLabels(Map.of("dock.test", "x")).withHooks(Map.of("svc", svc)),
                        RemovalPolicy.stop())
                .throwIfIncomplete();

        assertThat(engine.calls("exec")).containsExactly("svc");
        assertThat(engine.copiedOut()).isEqualTo(Map.of(Path.of("/project/target/out/state"), "started"));
        assertThat(engine.containers()).isEmpty();
    }
}

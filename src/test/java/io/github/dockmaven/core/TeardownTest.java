package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The teardown of what one run recorded, as {@code dock:stop} and a failed start's rollback remove it. */
class TeardownTest {

    private static final String IMAGE = "example/img:1";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RecordingConsole console = new RecordingConsole();
    private final Teardown teardown = new Teardown(engine, console, executor);
    private final Scope scope =
            new Scope("com.example:shop", "shop", "s3ss10n0", "default", Labels.MODE_LIFECYCLE, "ci/4242");

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    /** A running container, as {@code run} recorded it. */
    private Started running(String alias, String... dependsOn) {
        return running(alias, StopMode.STOP, Duration.ofSeconds(3), dependsOn);
    }

    private Started running(String alias, StopMode mode, Duration stopTimeout, String... dependsOn) {
        String id = engine.givenContainer(alias, IMAGE, Map.of(Labels.ALIAS, alias), Status.RUNNING);
        return new Started(
                alias, IMAGE, id, alias, Map.of(), "", mode, stopTimeout, List.of(dependsOn), StopHooks.NONE);
    }

    /**
     * Each of these containers finishes stopping only once every one of them began stopping: stopped one after the
     * other, the first would wait out {@link InMemoryEngine#GATE_LIMIT} and the order asserted would be wrong.
     */
    private void stopTogether(String... aliases) {
        for (String alias : aliases) {
            engine.script(alias).stopAfter("stopContainer", List.of(aliases));
        }
    }

    /** Removes {@code containers} as one run's, gracefully; returns what could not be removed. */
    private List<String> stop(List<Started> containers) {
        RunRecord record = new RunRecord(scope);
        containers.forEach(record::addContainer);
        return teardown.removeRun(record, RemovalPolicy.stop()).failures();
    }

    /** Each of {@code aliases} began stopping before any other of them had stopped. */
    private void assertStoppedConcurrently(List<String> aliases) {
        for (String first : aliases) {
            for (String other : aliases) {
                assertThat(seq("stopContainer", first))
                        .as("%s began stopping before %s had stopped", first, other)
                        .isLessThan(seq("stopContainer.done", other));
            }
        }
    }

    private long seq(String op, String alias) {
        return engine.first(op, alias).seq();
    }

    @Test
    void dependentsAreStoppedAndRemovedBeforeWhatTheyDependOn() {
        List<Started> containers =
                List.of(running("db"), running("cache"), running("api", "db", "cache"), running("web", "api"));

        assertThat(stop(containers)).isEmpty();

        assertThat(seq("removeContainer", "web")).isLessThan(seq("stopContainer", "api"));
        assertThat(seq("removeContainer", "api")).isLessThan(seq("stopContainer", "db"));
        assertThat(seq("removeContainer", "api")).isLessThan(seq("stopContainer", "cache"));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void containersThatDoNotDependOnEachOtherStopConcurrently() {
        List<String> aliases = List.of("a", "b", "c");
        stopTogether("a", "b", "c");
        List<Started> containers = aliases.stream().map(alias -> running(alias)).toList();

        assertThat(stop(containers)).isEmpty();

        assertStoppedConcurrently(aliases);
    }

    @Test
    void aGracefulStopGivesTheContainerItsStopTimeoutBeforeRemovingIt() {
        Started db = running("db", StopMode.STOP, Duration.ofMillis(500));

        stop(List.of(db));

        assertThat(engine.events())
                .filteredOn(e -> e.subject().equals("db"))
                .extracting(InMemoryEngine.Event::toString)
                .containsExactly(
                        "stopContainer db 500ms", "exit db 143", "stopContainer.done db", "removeContainer db");
    }

    @Test
    void killModeRemovesTheContainerWithoutAGracefulStop() {
        Started db = running("db", StopMode.KILL, Duration.ofSeconds(3));

        assertThat(stop(List.of(db))).isEmpty();

        assertThat(engine.happened("stopContainer", "db")).isFalse();
        assertThat(engine.events())
                .filteredOn(e -> e.subject().equals("db"))
                .extracting(InMemoryEngine.Event::toString)
                .containsExactly("removeContainer db", "killed db", "exit db 137");
    }

    @Test
    void aZeroStopTimeoutKillsAtOnce() {
        Started db = running("db", StopMode.STOP, Duration.ZERO);

        stop(List.of(db));

        assertThat(engine.happened("stopContainer", "db")).isFalse();
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void stopTreatsAContainerThatIsAlreadyGoneAsStopped() {
        Started gone = running("gone");
        engine.removeContainer(gone.id());
        Started exited = running("exited");
        engine.exitNow("exited", 0);
        Started db = running("db");

        assertThat(stop(List.of(gone, exited, db))).isEmpty();

        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aRunsTeardownTriesEveryResourceListsEveryFailureInOneExceptionAndTheRecordKeepsWhatIsLeft() {
        RunRecord record = new RunRecord(scope);
        record.addContainer(running("db"));
        record.addContainer(running("api", "db"));
        record.addContainer(running("web", "api"));
        engine.script("web").failsOnRemove("web is stuck");
        engine.script("api").failsOnRemove("api is stuck");
        engine.givenNetwork("shop-net", scope.labels());
        engine.givenNetwork("shop-net2", scope.labels());
        engine.givenVolume("shop-data", scope.labels());
        engine.givenVolume("shop-logs", scope.labels());
        engine.failsToRemove("shop-net", "network is busy").failsToRemove("shop-logs", "volume is busy");
        record.addNetwork("shop-net");
        record.addNetwork("shop-net2");
        record.addVolume("shop-data");
        record.addVolume("shop-logs");

        assertThatThrownBy(
                        () -> teardown.removeRun(record, RemovalPolicy.stop()).throwIfIncomplete())
                .isInstanceOf(EngineException.class)
                .hasMessage("Could not remove 4 resources:\n"
                        + "  - container 'web' (example/img:1, " + Ids.shortId(engine.idOf("web")) + "): web is"
                        + " stuck\n"
                        + "  - container 'api' (example/img:1, " + Ids.shortId(engine.idOf("api")) + "): api is"
                        + " stuck\n"
                        + "  - network shop-net: network is busy\n"
                        + "  - volume shop-logs: volume is busy");
        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("api", "web");
        assertThat(engine.networks()).extracting(Engine.ResourceInfo::name).containsExactly("shop-net");
        assertThat(engine.volumes()).extracting(Engine.ResourceInfo::name).containsExactly("shop-logs");
        assertThat(record.containers()).extracting(Started::alias).containsExactly("api", "web");
        assertThat(record.networks()).containsExactly("shop-net");
        assertThat(record.volumes()).containsExactly("shop-logs");
    }

    @Test
    void aNetworkTheEngineRefusesAsStuckIsAWarningNotAFailureAndTheRecordForgetsIt() {
        RunRecord record = new RunRecord(scope);
        record.addContainer(running("db"));
        engine.givenNetwork("shop-net", scope.labels());
        engine.keepsAsStuck("shop-net");
        record.addNetwork("shop-net");

        TeardownReport report = teardown.removeRun(record, RemovalPolicy.stop());

        assertThat(report.isComplete()).as("nothing the build does removes it").isTrue();
        assertThat(report.stuck()).containsExactly("shop-net");
        assertThat(console.said())
                .contains("WARN Could not remove network 'shop-net': no container is attached; restart the engine");
        assertThat(record.containers()).isEmpty();
        assertThat(record.networks())
                .as("not warned about again when Maven exits")
                .isEmpty();
    }

    @Test
    void oneFailureIsReportedAsOneResource() {
        RunRecord record = new RunRecord(scope);
        engine.givenNetwork("shop-net", scope.labels());
        engine.failsToRemove("shop-net", "network is busy");
        record.addNetwork("shop-net");

        assertThatThrownBy(
                        () -> teardown.removeRun(record, RemovalPolicy.stop()).throwIfIncomplete())
                .isInstanceOf(EngineException.class)
                .hasMessage("Could not remove 1 resource:\n  - network shop-net: network is busy");
    }

    /** Follows the output of {@code container} into {@code lines}, as {@code run} does, for {@code record}. */
    private void follow(RunRecord record, Started container, List<String> lines) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Consumer<LogLine> log = line -> lines.add(line.text());
        Closeable stream = engine.followLogs(container.id(), log, () -> ended.complete(null));
        record.addFollower(container.id(), CompletableFuture.completedFuture(stream), ended, log);
    }

    @Test
    void aGracefulStopFollowsEachContainersOutputUntilItStoppedSoItsPreStopOutputAndLastWordsReachItsLog() {
        RunRecord record = new RunRecord(scope);
        Started db = running("db").withHooks(new StopHooks(List.of(new Exec(List.of("flush"))), List.of()));
        record.addContainer(db);
        engine.script("db").execAnswers("flush", 0, "flushed 3 tables").printsOnStop("db: shutting down cleanly");
        List<String> lines = new CopyOnWriteArrayList<>();
        follow(record, db, lines);

        teardown.removeRun(record, RemovalPolicy.stop());

        assertThat(lines).containsExactly("[exec] $ flush", "[exec] flushed 3 tables", "db: shutting down cleanly");
        assertThat(console.said()).noneMatch(line -> line.contains("flush"));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void preStopOutputOfAContainerWhoseOutputIsNotFollowedGoesToTheConsole() {
        RunRecord record = new RunRecord(scope);
        record.addContainer(running("db").withHooks(new StopHooks(List.of(new Exec(List.of("flush"))), List.of())));
        engine.script("db").execAnswers("flush", 0, "flushed 3 tables");

        teardown.removeRun(record, RemovalPolicy.stop());

        assertThat(console.said()).contains("INFO [db] [exec] $ flush", "INFO [db] [exec] flushed 3 tables");
    }

    /** Removes {@code db} as one run's under {@code policy}; returns how often its stream was closed before removal. */
    private int closesBeforeRemoval(Started db, RemovalPolicy policy) {
        RunRecord record = new RunRecord(scope);
        record.addContainer(db);
        AtomicInteger closedBeforeRemoval = new AtomicInteger();
        record.addFollower(
                db.id(),
                CompletableFuture.<Closeable>completedFuture(() -> {
                    if (!engine.happened("removeContainer", "db")) {
                        closedBeforeRemoval.incrementAndGet();
                    }
                }),
                new CompletableFuture<>(),
                line -> {});

        teardown.removeRun(record, policy);

        return closedBeforeRemoval.get();
    }

    @Test
    void aRemovalThatKillsClosesTheOutputStreamsFirst() {
        assertThat(closesBeforeRemoval(running("db"), RemovalPolicy.kill())).isEqualTo(1);
    }

    @Test
    void aGracefulStopClosesTheOutputOfAContainerItKillsBeforeTheRemovalKillsIt() {
        assertThat(closesBeforeRemoval(running("db", StopMode.KILL, Duration.ofSeconds(3)), RemovalPolicy.stop()))
                .isEqualTo(1);
    }

    @Test
    void aRunsTeardownClosesTheLogFollowersAndKeepsVolumesWhenAskedTo() {
        RunRecord record = new RunRecord(scope);
        AtomicInteger closed = new AtomicInteger();
        Closeable follower = closed::incrementAndGet;
        // a container that keeps running (kept for reuse): its stream never ends by itself
        Started kept = running("kept");
        record.addContainer(kept);
        record.keepForReuse(kept.id());
        record.addFollower(
                kept.id(), CompletableFuture.completedFuture(follower), new CompletableFuture<>(), line -> {});
        record.addContainer(running("db"));
        engine.givenVolume("shop-data", scope.labels());
        record.addVolume("shop-data");

        teardown.removeRun(record, RemovalPolicy.stop().withVolumes(false));

        assertThat(closed).hasValue(1);
        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("kept");
        assertThat(engine.volumes()).extracting(Engine.ResourceInfo::name).containsExactly("shop-data");
        assertThat(record.volumes()).containsExactly("shop-data");
    }

    @Test
    void eachContainerRemovedIsAnnouncedWithHowItWasStopped() {
        Started db = running("db", StopMode.STOP, Duration.ofMillis(500));
        Started app = running("app", StopMode.KILL, Duration.ofSeconds(3), "db");

        stop(List.of(db, app));

        assertThat(console.said())
                .extracting(line -> line.replaceAll(" in [0-9.]+m?s$", " in <elapsed>"))
                .containsExactly(
                        "INFO Killed and removed 'app' (example/img:1, " + Ids.shortId(app.id()) + ") in <elapsed>",
                        "INFO Stopped and removed 'db' (example/img:1, " + Ids.shortId(db.id()) + ") in <elapsed>");
    }

    @Test
    void aQuietTeardownAnnouncesNothing() {
        RunRecord record = new RunRecord(scope);
        record.addContainer(running("db"));

        teardown.removeRun(record, RemovalPolicy.stop().quietly());

        assertThat(console.said()).noneMatch(line -> line.startsWith("INFO"));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aDependencyCycleWrittenIntoLabelsByHandDoesNotHangTheStop() {
        List<Started> containers = List.of(running("a", "b"), running("b", "a"));

        assertThat(stop(containers)).isEmpty();

        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aSharedDependencyStopsOnlyAfterEveryOneOfItsDependentsIsRemoved() {
        stopTogether("web", "worker", "solo");
        List<Started> containers = List.of(
                running("db"), running("api", "db"), running("worker", "db"), running("web", "api"), running("solo"));

        assertThat(stop(containers)).isEmpty();

        assertThat(seq("stopContainer", "api")).isGreaterThan(seq("removeContainer", "web"));
        assertThat(seq("stopContainer", "db"))
                .isGreaterThan(seq("removeContainer", "api"))
                .isGreaterThan(seq("removeContainer", "worker"));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void theDependentsOfOneContainerAndAnUnrelatedOneStopConcurrently() {
        stopTogether("web", "worker", "solo");
        List<String> leaves = List.of("web", "worker", "solo");
        List<Started> containers =
                List.of(running("db"), running("web", "db"), running("worker", "db"), running("solo"));

        assertThat(stop(containers)).isEmpty();

        assertStoppedConcurrently(leaves);
    }

    @Test
    void theNetworkAndVolumesOfARunAreRemovedAfterItsLastContainer() {
        engine.givenNetwork("shop-net-5e55104a", Map.of());
        engine.givenVolume("shop-vol-data-5e55104a", Map.of());
        RunRecord record = new RunRecord(scope);
        record.addContainer(running("db"));
        record.addContainer(running("app", "db"));
        record.addNetwork("shop-net-5e55104a");
        record.addVolume("shop-vol-data-5e55104a");

        teardown.removeRun(record, RemovalPolicy.stop());

        assertThat(seq("removeNetwork", "shop-net-5e55104a")).isGreaterThan(seq("removeContainer", "db"));
        assertThat(seq("removeVolume", "shop-vol-data-5e55104a")).isGreaterThan(seq("removeContainer", "db"));
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
    }
}

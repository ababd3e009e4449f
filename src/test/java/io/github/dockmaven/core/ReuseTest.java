package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Containers with {@code <reuse>}, on a machine that enabled it: kept by one build, used again by the next. */
class ReuseTest {

    private static final String IMAGE = "example/img:1";
    private static final String PROJECT = "com.example:shop";

    private final InMemoryEngine engine = new InMemoryEngine().image(IMAGE, ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RecordingConsole console = new RecordingConsole();
    /** Builds that ended: the leftovers sweep would remove everything of theirs it may remove. */
    private String owner;

    @BeforeEach
    void findADeadProcess() throws Exception {
        owner = Owners.self().substring(0, Owners.self().lastIndexOf('/')) + "/" + Processes.deadPid();
    }

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private Scope scope(String session) {
        return new Scope(PROJECT, "shop", session, "default", Labels.MODE_LIFECYCLE, owner);
    }

    /** One build's run: starts {@code plan} in a session of its own and returns what it recorded. */
    private RunRecord build(String session, Plan plan) {
        RunRecord record = new RunRecord(scope(session));
        new Starter(engine, console, scope(session), alias -> line -> {}, executor, new ImageCache())
                .start(plan, record);
        return record;
    }

    /** That build's stop. */
    private TeardownReport stop(RunRecord record) {
        return new Teardown(engine, console, executor).removeRun(record, RemovalPolicy.stop());
    }

    private static Plan dbAndApp(String password) {
        return plan(
                container("db").reused().env("PASSWORD", password).volume("data", "/data"),
                container("app").dependsOn("db"));
    }

    @Test
    void aReusedContainerIsLabelledAsSuchWithItsConfigurationHash() {
        build("f1rst000", plan(container("db").reused()));

        Map<String, String> labels = engine.container("db").orElseThrow().labels();
        assertThat(labels)
                .containsEntry(Labels.MODE, Labels.MODE_REUSED)
                .containsKey(Labels.CREATED)
                .containsEntry(Labels.ALIAS, "db");
        assertThat(labels.get(Labels.REUSE)).matches("[0-9a-f]{16}");
        assertThat(labels.get(Labels.REUSE_PARTS)).startsWith("image=").contains(",env=");
    }

    @Test
    void stopLeavesTheReusedContainerItsNetworkAndItsVolumesAndRemovesTheRest() {
        RunRecord first = build("f1rst000", dbAndApp("secret"));

        TeardownReport report = stop(first);

        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("shop-db-f1rst000");
        assertThat(engine.networks()).extracting(Engine.ResourceInfo::name).containsExactly("shop-net-reused");
        assertThat(engine.volumes()).extracting(Engine.ResourceInfo::name).containsExactly("shop-vol-data-reused");
        assertThat(report.containers()).extracting(Started::alias).containsExactly("app");
        assertThat(report.spared()).containsExactly("container shop-db-f1rst000 (reused)");
        assertThat(report.isComplete()).isTrue();
    }

    @Test
    void theNextBuildUsesItAgainWithoutCreatingStartingOrRunningItsPostStart() {
        Plan plan = plan(
                container("db").reused().port("5432").postStart("init-db"),
                container("app").dependsOn("db"));
        RunRecord first = build("f1rst000", plan);
        stop(first);
        String id = engine.idOf("db");

        RunRecord second = build("s3cond00", plan);

        assertThat(engine.calls("createContainer")).containsExactly("db", "app", "app");
        assertThat(engine.calls("startContainer")).containsExactly("db", "app", "app");
        assertThat(engine.calls("exec")).containsExactly("db");
        Started db = second.containers().stream()
                .filter(c -> c.alias().equals("db"))
                .findFirst()
                .orElseThrow();
        assertThat(db.id()).isEqualTo(id);
        assertThat(db.name()).isEqualTo("shop-db-f1rst000");
        assertThat(ExportedProperties.of(plan, second, "localhost"))
                .containsEntry("dock.db.id", id)
                .containsEntry("dock.db.name", "shop-db-f1rst000")
                .containsEntry(
                        "dock.db.port.5432",
                        first.containers().get(0).ports().get("5432/tcp").toString())
                .containsKeys("dock.db.ip", "dock.db.port", "dock.app.id");
        assertThat(second.containers().get(0).ip()).isNotEmpty();
        assertThat(second.reused()).extracting(Started::id).containsExactly(id);
        assertThat(console.said())
                .anyMatch(line ->
                        line.startsWith("INFO Reusing 'db' (example/img:1, " + Ids.shortId(id) + "), started 20"))
                .anyMatch(line ->
                        line.startsWith("INFO Reused 'db' (example/img:1, " + Ids.shortId(id) + "), ready in "));
    }

    @Test
    void aChangedConfigurationReplacesItAndSaysWhichPartChanged() {
        stop(build("f1rst000", dbAndApp("secret")));
        String old = engine.idOf("db");

        RunRecord second = build("s3cond00", dbAndApp("changed"));

        assertThat(engine.containers()).extracting(ContainerInfo::id).doesNotContain(old);
        assertThat(second.reused()).extracting(Started::name).containsExactly("shop-db-s3cond00");
        assertThat(console.said())
                .contains("INFO Replacing the reused container 'db' (example/img:1, " + Ids.shortId(old)
                        + "): its configuration changed (env)");
    }

    @Test
    void anotherImageBehindTheSameTagReplacesIt() {
        stop(build("f1rst000", plan(container("db").reused())));
        String old = engine.idOf("db");
        engine.newImageVersion(IMAGE);

        build("s3cond00", plan(container("db").reused()));

        assertThat(engine.containers()).extracting(ContainerInfo::id).doesNotContain(old);
        assertThat(console.said())
                .contains("INFO Replacing the reused container 'db' (example/img:1, " + Ids.shortId(old)
                        + "): its configuration changed (image)");
    }

    @Test
    void aReusedContainerThatNoLongerRunsIsReplaced() {
        stop(build("f1rst000", plan(container("db").reused())));
        String old = engine.idOf("db");
        engine.exitNow("db", 137);

        build("s3cond00", plan(container("db").reused()));

        assertThat(engine.containers())
                .extracting(ContainerInfo::id)
                .doesNotContain(old)
                .hasSize(1);
        assertThat(console.said())
                .contains("INFO Replacing the reused container 'db' (example/img:1, " + Ids.shortId(old)
                        + "): it is exited");
    }

    @Test
    void aBuildThatDoesNotReuseLeavesAReusedContainerAloneAndCreatesItsOwn() {
        stop(build("f1rst000", plan(container("db").reused())));
        String kept = engine.idOf("db");

        RunRecord own = build("s3cond00", plan(container("db")));
        assertThat(own.containers()).extracting(Started::name).containsExactly("shop-db-s3cond00");
        assertThat(engine.inspect(own.containers().get(0).id()).orElseThrow().labels())
                .containsEntry(Labels.MODE, Labels.MODE_LIFECYCLE)
                .doesNotContainKey(Labels.REUSE);
        stop(own);

        assertThat(engine.containers()).extracting(ContainerInfo::id).containsExactly(kept);
    }

    @Test
    void aReusedContainerThatNeverGotReadyIsRemovedWithTheFailedStart() {
        engine.script("db").exits(0, 1);

        assertThatThrownBy(() -> build("f1rst000", plan(container("db").reused())))
                .isInstanceOf(BuildFailure.class);

        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aFailedStartLeavesAReusedContainerThatIsReady() {
        engine.script("app").exits(0, 1);

        assertThatThrownBy(() -> build(
                        "f1rst000",
                        plan(container("db").reused(), container("app").dependsOn("db"))))
                .isInstanceOf(BuildFailure.class);

        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("shop-db-f1rst000");
    }

    @Test
    void neitherTheShutdownHookNorTheWatchdogNorTheLeftoversSweepSelectsWhatIsReused() {
        build("f1rst000", dbAndApp("secret"));

        new Teardown(engine, console, executor)
                .remove(
                        Selection.ofLifecycleSession("f1rst000", List.of()),
                        RemovalPolicy.killUntilEmpty(Duration.ZERO, Duration.ofSeconds(5)));
        new Leftovers(engine, console, executor).clean(PROJECT, "0wn");

        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("shop-db-f1rst000");
        assertThat(engine.networks()).hasSize(1);
        assertThat(engine.volumes()).hasSize(1);
    }

    @Test
    void removeOfTheProjectRemovesWhatIsReused() {
        stop(build("f1rst000", dbAndApp("secret")));

        TeardownReport report = new Teardown(engine, console, executor)
                .remove(
                        Selection.byLabels(Labels.ofProject(PROJECT))
                                .sparing(found -> found.labels().isOfAnotherLiveBuild("r3m0ve00")),
                        RemovalPolicy.stop());

        assertThat(report.containers()).extracting(Started::alias).containsExactly("db");
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
    }
}

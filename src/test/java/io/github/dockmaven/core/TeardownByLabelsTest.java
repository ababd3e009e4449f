package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerInfo.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The teardown of what is found by labels: {@code dock:remove}, a separate {@code dock:stop}, {@code dock:prune}. */
class TeardownByLabelsTest {

    private static final String PROJECT = "com.example:shop";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Teardown teardown = new Teardown(engine, Console.silent(), executor);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    /** The labels {@code run} puts on what it creates for a project in a session. */
    private static Map<String, String> ours(String project, String session) {
        return new Scope(project, "shop", session, "default", Labels.MODE_LIFECYCLE, "ci/1").labels();
    }

    private static Map<String, String> ours(String session) {
        return ours(PROJECT, session);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return copy;
    }

    private TeardownReport removeTheProject(RemovalPolicy policy) {
        return teardown.remove(Selection.byLabels(Labels.ofProject(PROJECT)), policy);
    }

    private TeardownReport prune() {
        return teardown.remove(Selection.unused(Labels.ofProject(PROJECT)), RemovalPolicy.prune());
    }

    private String container(String name, Map<String, String> labels, Status status) {
        return engine.givenContainer(name, "example/img:1", labels, status);
    }

    private List<String> remainingContainers() {
        return engine.containers().stream().map(ContainerInfo::name).toList();
    }

    private List<String> remainingNetworks() {
        return engine.networks().stream().map(Engine.ResourceInfo::name).toList();
    }

    private List<String> remainingVolumes() {
        return engine.volumes().stream().map(Engine.ResourceInfo::name).toList();
    }

    /** Resources that are not this project's: another project's, and some the user made by hand. */
    private void givenForeignResources() {
        container("other-db", ours("com.example:other", "s1"), Status.RUNNING);
        container("other-job", ours("com.example:other", "s1"), Status.EXITED);
        container("postgres-dev", Map.of(), Status.RUNNING);
        container("scratch", Map.of("purpose", "debugging"), Status.EXITED);
        engine.givenNetwork("other-net", ours("com.example:other", "s1"));
        engine.givenNetwork("my-net", Map.of());
        engine.givenVolume("other-data", ours("com.example:other", "s1"));
        engine.givenVolume("pgdata", Map.of());
    }

    private static final List<String> FOREIGN_CONTAINERS = List.of("other-db", "other-job", "postgres-dev", "scratch");

    @Test
    void removeTouchesOnlyTheLabelledResourcesOfTheProject() {
        givenForeignResources();
        String db = container("shop-db-s1", with(ours("s1"), Labels.ALIAS, "db"), Status.RUNNING);
        String job = container("shop-job-s0", with(ours("s0"), Labels.ALIAS, "job"), Status.EXITED);
        engine.givenNetwork("shop-net-s1", ours("s1"));
        engine.givenVolume("shop-vol-data-s1", ours("s1"));

        TeardownReport report = removeTheProject(RemovalPolicy.stop());

        assertThat(report.containers())
                .extracting(Started::describe)
                .containsExactlyInAnyOrder(
                        "'db' (example/img:1, " + Ids.shortId(db) + ")",
                        "'job' (example/img:1, " + Ids.shortId(job) + ")");
        assertThat(report.networks()).containsExactly("shop-net-s1");
        assertThat(report.volumes()).containsExactly("shop-vol-data-s1");
        assertThat(report.spared()).isEmpty();
        assertThat(remainingContainers()).containsExactlyElementsOf(FOREIGN_CONTAINERS);
        assertThat(remainingNetworks()).containsExactly("other-net", "my-net");
        assertThat(remainingVolumes()).containsExactly("other-data", "pgdata");
    }

    @Test
    void removeLeavesWhatTheSelectionSparesAndListsIt() {
        container("shop-db-live", with(ours("live"), Labels.ALIAS, "db"), Status.RUNNING);
        container("shop-db-dead", with(ours("dead"), Labels.ALIAS, "db"), Status.RUNNING);
        engine.givenNetwork("shop-net-live", ours("live"));
        engine.givenNetwork("shop-net-dead", ours("dead"));
        engine.givenVolume("shop-vol-live", ours("live"));
        engine.givenVolume("shop-vol-dead", ours("dead"));

        TeardownReport report = teardown.remove(
                Selection.byLabels(Labels.ofProject(PROJECT))
                        .sparing(found -> "live".equals(found.labels().session())),
                RemovalPolicy.stop());

        assertThat(report.spared())
                .containsExactly("container shop-db-live", "network shop-net-live", "volume shop-vol-live");
        assertThat(remainingContainers()).containsExactly("shop-db-live");
        assertThat(remainingNetworks()).containsExactly("shop-net-live");
        assertThat(remainingVolumes()).containsExactly("shop-vol-live");
    }

    @Test
    void removeKeepsVolumesUnlessAskedToRemoveThem() {
        engine.givenVolume("shop-vol-data-s1", ours("s1"));

        TeardownReport report = removeTheProject(RemovalPolicy.stop().withVolumes(false));

        assertThat(report.volumes()).isEmpty();
        assertThat(remainingVolumes()).containsExactly("shop-vol-data-s1");
    }

    @Test
    void removeStopsEachContainerTheWayItsLabelsSayInReverseDependencyOrder() {
        Map<String, String> db = with(with(ours("s1"), Labels.ALIAS, "db"), Labels.STOP_TIMEOUT, "500");
        Map<String, String> app = with(with(ours("s1"), Labels.ALIAS, "app"), Labels.DEPENDS_ON, "db");
        container("shop-db-s1", db, Status.RUNNING);
        container("shop-app-s1", with(app, Labels.STOP_MODE, "kill"), Status.RUNNING);

        removeTheProject(RemovalPolicy.stop());

        assertThat(engine.events())
                .extracting(InMemoryEngine.Event::toString)
                .filteredOn(e -> e.startsWith("stopContainer ") || e.startsWith("removeContainer "))
                .containsExactly("removeContainer app", "stopContainer db 500ms", "removeContainer db");
    }

    @Test
    void aContainerWithoutOurLabelsIsStoppedByItsNameWithTheDefaultGracePeriod() {
        ContainerInfo info = new ContainerInfo(
                "ab".repeat(32),
                "handmade",
                "nginx:1",
                Map.of(Labels.STOP_TIMEOUT, "soon", Labels.DEPENDS_ON, " db , cache "),
                Status.RUNNING,
                0,
                ContainerInfo.Health.NONE,
                Map.of(),
                Map.of(),
                "");

        Started started = LabelledSelection.asStarted(info);

        assertThat(started.alias()).isEqualTo("handmade");
        assertThat(started.stopMode()).isEqualTo(ContainerSpec.StopMode.STOP);
        assertThat(started.stopTimeout()).hasSeconds(3);
        assertThat(started.dependsOn()).containsExactly("db", "cache");
    }

    @Test
    void pruneRemovesStoppedLabelledContainersAndUnusedNetworksAndVolumesOnly() {
        givenForeignResources();
        String exited = container("shop-job-s0", ours("s0"), Status.EXITED);
        String created = container("shop-half-s0", ours("s0"), Status.CREATED);
        engine.givenNetwork("shop-net-s1", ours("s1"));
        engine.givenNetwork("shop-net-s0", ours("s0"));
        engine.givenVolume("shop-vol-data-s1", ours("s1"));
        engine.givenVolume("shop-vol-data-s0", ours("s0"));
        engine.givenContainer(
                "shop-db-s1",
                "example/img:1",
                ours("s1"),
                Status.RUNNING,
                List.of(),
                List.of("shop-net-s1"),
                List.of("shop-vol-data-s1:/var/lib/data"));
        engine.danglingImage("sha256:" + "d1".repeat(32), 12_300_000, Labels.ofProject(PROJECT));

        TeardownReport report = prune().withImages(engine.pruneDanglingImages(Labels.ofProject(PROJECT)));

        assertThat(report.pruned())
                .containsExactly(
                        "Removed container shop-job-s0 (" + Ids.shortId(exited) + ")",
                        "Removed container shop-half-s0 (" + Ids.shortId(created) + ")",
                        "Removed network shop-net-s0",
                        "Removed volume shop-vol-data-s0",
                        "Removed image sha256:" + "d1".repeat(32) + " (12.3 MB)",
                        "Pruned 5 resources; reclaimed 12.3 MB");
        assertThat(remainingContainers())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                FOREIGN_CONTAINERS.stream(), java.util.stream.Stream.of("shop-db-s1"))
                        .toList());
        assertThat(remainingNetworks()).containsExactly("other-net", "my-net", "shop-net-s1");
        assertThat(remainingVolumes()).containsExactly("other-data", "pgdata", "shop-vol-data-s1");
    }

    @Test
    void pruneLeavesAVolumeTheEngineRefusesToRemoveWithoutFailing() {
        engine.givenVolume("shop-vol-data-s0", ours("s0"));
        engine.failsToRemove("shop-vol-data-s0", "remove shop-vol-data-s0: volume is in use");

        TeardownReport report = prune();

        assertThat(report.isComplete()).isTrue();
        assertThat(report.pruned()).containsExactly("Pruned 0 resources; reclaimed 0 B");
        assertThat(remainingVolumes()).containsExactly("shop-vol-data-s0");
    }

    @Test
    void removeFailsOnAVolumeTheEngineRefusesToRemove() {
        engine.givenVolume("shop-vol-data-s0", ours("s0"));
        engine.failsToRemove("shop-vol-data-s0", "remove shop-vol-data-s0: volume is in use");

        assertThatThrownBy(() -> removeTheProject(RemovalPolicy.stop()).throwIfIncomplete())
                .isInstanceOf(EngineException.class)
                .hasMessage("Could not remove 1 resource:\n"
                        + "  - volume shop-vol-data-s0: remove shop-vol-data-s0: volume is in use");
    }

    @Test
    void removeImagesRemovesOnlyImagesNoContainerUses() {
        engine.image("example/free:1", InMemoryEngine.ImageState.PRESENT);
        engine.image("example/used:1", InMemoryEngine.ImageState.PRESENT);
        engine.givenContainer("other", "example/used:1", Map.of(), Status.RUNNING);

        List<String> removed = teardown.removeImages(List.of("example/free:1", "example/used:1", "example/free:1"));

        assertThat(removed).containsExactly("example/free:1");
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CleanupTest {

    private static final String PROJECT = "com.example:shop";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Cleanup cleanup = new Cleanup(engine, Console.silent(), executor);

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

        Cleanup.Result result = cleanup.remove(Labels.ofProject(PROJECT), true, labels -> false);

        assertThat(result.containers())
                .containsExactlyInAnyOrder(
                        "'db' (example/img:1, " + Ids.shortId(db) + ")",
                        "'job' (example/img:1, " + Ids.shortId(job) + ")");
        assertThat(result.networks()).containsExactly("shop-net-s1");
        assertThat(result.volumes()).containsExactly("shop-vol-data-s1");
        assertThat(result.kept()).isEmpty();
        assertThat(remainingContainers()).containsExactlyElementsOf(FOREIGN_CONTAINERS);
        assertThat(remainingNetworks()).containsExactly("other-net", "my-net");
        assertThat(remainingVolumes()).containsExactly("other-data", "pgdata");
    }

    @Test
    void removeLeavesWhatTheKeepPredicateHoldsOnTo() {
        container("shop-db-live", with(ours("live"), Labels.ALIAS, "db"), Status.RUNNING);
        container("shop-db-dead", with(ours("dead"), Labels.ALIAS, "db"), Status.RUNNING);
        engine.givenNetwork("shop-net-live", ours("live"));
        engine.givenNetwork("shop-net-dead", ours("dead"));
        engine.givenVolume("shop-vol-live", ours("live"));
        engine.givenVolume("shop-vol-dead", ours("dead"));

        Cleanup.Result result =
                cleanup.remove(Labels.ofProject(PROJECT), true, labels -> "live".equals(labels.get(Labels.SESSION)));

        assertThat(result.kept())
                .containsExactly("container shop-db-live", "network shop-net-live", "volume shop-vol-live");
        assertThat(remainingContainers()).containsExactly("shop-db-live");
        assertThat(remainingNetworks()).containsExactly("shop-net-live");
        assertThat(remainingVolumes()).containsExactly("shop-vol-live");
    }

    @Test
    void removeKeepsVolumesUnlessAskedToRemoveThem() {
        engine.givenVolume("shop-vol-data-s1", ours("s1"));

        Cleanup.Result result = cleanup.remove(Labels.ofProject(PROJECT), false, labels -> false);

        assertThat(result.volumes()).isEmpty();
        assertThat(remainingVolumes()).containsExactly("shop-vol-data-s1");
    }

    @Test
    void removeStopsEachContainerTheWayItsLabelsSayInReverseDependencyOrder() {
        Map<String, String> db = with(with(ours("s1"), Labels.ALIAS, "db"), Labels.STOP_TIMEOUT, "500");
        Map<String, String> app = with(with(ours("s1"), Labels.ALIAS, "app"), Labels.DEPENDS_ON, "db");
        container("shop-db-s1", db, Status.RUNNING);
        container("shop-app-s1", with(app, Labels.STOP_MODE, "kill"), Status.RUNNING);

        cleanup.remove(Labels.ofProject(PROJECT), true, labels -> false);

        assertThat(engine.events())
                .extracting(InMemoryEngine.Event::toString)
                .filteredOn(e -> e.startsWith("stopContainer ") || e.startsWith("removeContainer "))
                .containsExactly("removeContainer app", "stopContainer db 500ms", "removeContainer db");
    }

    @Test
    void fromLabelsFallsBackToTheNameAndADefaultGracePeriod() {
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

        Started started = Cleanup.fromLabels(info);

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
        engine.danglingImage("sha256:" + "d1".repeat(32), 12_300_000);

        List<Engine.Removed> removed = cleanup.prune(Labels.ofProject(PROJECT), true);

        assertThat(removed)
                .containsExactly(
                        new Engine.Removed("container", "shop-job-s0 (" + Ids.shortId(exited) + ")", 0),
                        new Engine.Removed("container", "shop-half-s0 (" + Ids.shortId(created) + ")", 0),
                        new Engine.Removed("network", "shop-net-s0", 0),
                        new Engine.Removed("volume", "shop-vol-data-s0", 0),
                        new Engine.Removed("image", "sha256:" + "d1".repeat(32), 12_300_000));
        assertThat(remainingContainers())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                                FOREIGN_CONTAINERS.stream(), java.util.stream.Stream.of("shop-db-s1"))
                        .toList());
        assertThat(remainingNetworks()).containsExactly("other-net", "my-net", "shop-net-s1");
        assertThat(remainingVolumes()).containsExactly("other-data", "pgdata", "shop-vol-data-s1");
    }

    @Test
    void pruneLeavesDanglingImagesUnlessAsked() {
        engine.danglingImage("sha256:" + "d1".repeat(32), 100);

        assertThat(cleanup.prune(Labels.ofProject(PROJECT), false)).isEmpty();
        assertThat(engine.happened("pruneDanglingImages", "")).isFalse();
    }

    @Test
    void removeImagesRemovesOnlyImagesNoContainerUses() {
        engine.image("example/free:1", InMemoryEngine.ImageState.PRESENT);
        engine.image("example/used:1", InMemoryEngine.ImageState.PRESENT);
        engine.givenContainer("other", "example/used:1", Map.of(), Status.RUNNING);

        List<String> removed =
                cleanup.removeImages(new java.util.LinkedHashSet<>(List.of("example/free:1", "example/used:1")));

        assertThat(removed).containsExactly("example/free:1");
    }

    @Test
    void bytesAreFormattedForPeople() {
        assertThat(Cleanup.bytes(999)).isEqualTo("999 B");
        assertThat(Cleanup.bytes(12_300_000)).isEqualTo("12.3 MB");
        assertThat(Cleanup.bytes(1_500)).isEqualTo("1.5 kB");
        assertThat(Cleanup.bytes(2_000_000_000_000_000L)).isEqualTo("2000.0 TB");
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stop order on graphs wider than a chain: a shared dependency waits for all its dependents, levels overlap. */
class ReverseStopTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Teardown teardown = new Teardown(engine, Console.silent(), executor);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private Started running(String alias, String... dependsOn) {
        engine.script(alias).stopTakes(150);
        String id = engine.givenContainer(alias, "example/img:1", Map.of(Labels.ALIAS, alias), Status.RUNNING);
        return new Started(
                alias,
                "example/img:1",
                id,
                alias,
                Map.of(),
                "",
                ContainerSpec.StopMode.STOP,
                Duration.ofSeconds(3),
                List.of(dependsOn));
    }

    /** Removes {@code containers} as one run's; returns what could not be removed. */
    private List<String> stop(List<Started> containers) {
        RunRecord record = new RunRecord(
                new Scope("com.example:shop", "shop", "5e55104a11", "default", Labels.MODE_LIFECYCLE, "ci/4242"));
        containers.forEach(record::addContainer);
        return teardown.removeRun(record, RemovalPolicy.stop()).failures();
    }

    private long seq(String op, String alias) {
        return engine.first(op, alias).seq();
    }

    @Test
    void aSharedDependencyStopsOnlyAfterEveryOneOfItsDependentsIsRemoved() {
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
        List<String> leaves = List.of("web", "worker", "solo");
        List<Started> containers =
                List.of(running("db"), running("web", "db"), running("worker", "db"), running("solo"));

        assertThat(stop(containers)).isEmpty();

        for (String leaf : leaves) {
            for (String other : leaves) {
                assertThat(seq("stopContainer", leaf))
                        .as("%s began stopping before %s had stopped", leaf, other)
                        .isLessThan(seq("stopContainer.done", other));
            }
        }
    }

    @Test
    void theNetworkAndVolumesOfARunAreRemovedAfterItsLastContainer() {
        engine.givenNetwork("shop-net-5e55104a", Map.of());
        engine.givenVolume("shop-vol-data-5e55104a", Map.of());
        RunRecord record = new RunRecord(
                new Scope("com.example:shop", "shop", "5e55104a11", "default", Labels.MODE_LIFECYCLE, "ci/4242"));
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

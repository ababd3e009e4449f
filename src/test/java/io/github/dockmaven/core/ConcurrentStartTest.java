package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the start is scheduled: per dependency, not per level; what a failed dependency means for its dependents. */
class ConcurrentStartTest {

    private final InMemoryEngine engine = new InMemoryEngine().image("example/img:1", ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "5e55104a11", "default", Labels.MODE_LIFECYCLE, "ci/4242");
    private final RunRecord record = new RunRecord(scope);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private void start(Plan plan) {
        new Starter(engine, Console.silent(), scope, alias -> line -> {}, executor, new ImageCache())
                .start(plan, record);
    }

    private long seq(String op, String alias) {
        return engine.first(op, alias).seq();
    }

    @Test
    void aChainRunsAlongsideASlowIndependentContainerSoTheSetUpTakesTheLongestChainNotTheSum() {
        // a -> b, and c alone in a's level. c's start completes only once b runs, which a level-by-level schedule
        // (b after all of a's level) never allows: then c's gate times out and the order below is wrong.
        engine.script("a").startAfter("startContainer", "c");
        engine.script("c").startAfter("running", "b");

        start(plan(container("a"), container("b").dependsOn("a"), container("c")));

        assertThat(seq("startContainer", "c"))
                .as("c began before a was running")
                .isLessThan(seq("running", "a"));
        assertThat(seq("createContainer", "b")).as("b waited for a").isGreaterThan(seq("running", "a"));
        assertThat(seq("running", "b")).as("b did not wait for c").isLessThan(seq("running", "c"));
        assertThat(record.containers()).extracting(Started::alias).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void whenADependencyFailsItsDependentsAreNeverCreatedAndEverythingCreatedIsRemoved() {
        engine.script("db").exits(0, 3);
        // solo is still starting when db fails: its start completes only after db exited
        engine.script("solo").startAfter("exit", "db");

        assertThatThrownBy(() -> start(plan(
                        container("db"),
                        container("app").dependsOn("db"),
                        container("web").dependsOn("app"),
                        container("solo"))))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("Container 'db' (example/img:1, " + Ids.shortId(engine.idOf("db"))
                        + ") exited with code 3 after ");

        assertThat(engine.happened("createContainer", "app")).isFalse();
        assertThat(engine.happened("createContainer", "web")).isFalse();
        // whether solo got as far as being created is up to the scheduler; if it was, it was removed again
        assertThat(engine.happened("removeContainer", "solo")).isEqualTo(engine.happened("createContainer", "solo"));
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
        assertThat(record.containers()).isEmpty();
    }
}

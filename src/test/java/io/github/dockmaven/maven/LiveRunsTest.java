package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.StopHooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the shutdown hook of a session looks for, and what it leaves alone. */
class LiveRunsTest {

    private final LiveRuns runs = new LiveRuns();

    private static RunRecord run(String project) {
        return new RunRecord(new Scope(project, "shop", "s3ss10n", "default", Labels.MODE_LIFECYCLE, "ci/4242"));
    }

    @Test
    void aSessionWhoseRunsWereAllStoppedCleanlyLeavesNothingToLookFor() {
        RunRecord run = run("com.example:shop");
        runs.add(run);

        runs.remove(run, true);

        assertThat(runs.nothingLeft()).isTrue();
    }

    @Test
    void aRunThatMayHaveLeftSomethingIsLookedForEvenWhenNoRunIsLive() {
        RunRecord run = run("com.example:shop");
        runs.add(run);

        runs.remove(run, false);

        assertThat(runs.any()).isFalse();
        assertThat(runs.nothingLeft()).isFalse();
    }

    @Test
    void aKeptRunIsForgottenAndWhatItCreatedIsNamedForTheKeepList() {
        RunRecord run = run("com.example:shop");
        run.addContainer(new Started(
                "db",
                "postgres:16",
                "3f2a1c9b04de77",
                "shop-db",
                Map.of(),
                "",
                StopMode.STOP,
                Duration.ZERO,
                List.of(),
                StopHooks.NONE));
        run.addNetwork("shop-net");
        runs.add(run);

        List<String> names = runs.forgetKept(run);
        runs.keep(names);

        assertThat(names).containsExactly("3f2a1c9b04de77", "shop-db", "shop-net");
        assertThat(runs.kept()).contains("shop-db");
        assertThat(runs.nothingLeft()).isTrue();
    }

    @Test
    void theLiveRunsOfAProjectAreItsOwnOnly() {
        RunRecord shop = run("com.example:shop");
        RunRecord billing = run("com.example:billing");
        runs.add(shop);
        runs.add(billing);

        assertThat(runs.of("com.example:shop")).containsExactly(shop);
        assertThat(runs.containers()).isZero();
    }
}

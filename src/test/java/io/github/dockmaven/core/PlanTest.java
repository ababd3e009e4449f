package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void levelsPutEachContainerAfterEverythingItDependsOn() {
        Plan plan = plan(
                container("app").dependsOn("db", "cache"),
                container("db"),
                container("cache"),
                container("proxy").dependsOn("app"),
                container("mail"));

        assertThat(plan.levels())
                .extracting(level -> level.stream().map(ContainerSpec::alias).toList())
                .containsExactly(List.of("db", "cache", "mail"), List.of("app"), List.of("proxy"));
    }

    @Test
    void aBuildNetworkIsForTwoOrMoreContainersThatCanFindEachOther() {
        assertThat(plan(container("db")).needsBuildNetwork()).isFalse();
        assertThat(plan(container("db"), container("app")).needsBuildNetwork()).isTrue();
        assertThat(plan(container("db").networks("bridge"), container("app")).needsBuildNetwork())
                .isFalse();
    }

    @Test
    void onlyReusedContainersAloneWithoutVolumesOfTheirOwnCreateNothingForTheHookOrTheWatchdog() {
        assertThat(plan(container("db").reused()).createsOnlyWhatOutlivesTheBuild())
                .isTrue();
        assertThat(plan(container("db").reused().bind("/srv/data", "/data")).createsOnlyWhatOutlivesTheBuild())
                .as("a bind mount creates nothing")
                .isTrue();

        assertThat(plan(container("db")).createsOnlyWhatOutlivesTheBuild()).isFalse();
        assertThat(plan(container("db").reused(), container("app")).createsOnlyWhatOutlivesTheBuild())
                .isFalse();
        assertThat(plan(container("db").reused(), container("cache").reused()).createsOnlyWhatOutlivesTheBuild())
                .as("their build network is the build's")
                .isFalse();
        assertThat(plan(container("db").reused().volume("data", "/data")).createsOnlyWhatOutlivesTheBuild())
                .as("a volume of its own is the build's")
                .isFalse();
    }

    @Test
    void containersKeepTheConfigurationOrder() {
        Plan plan = plan(container("b").dependsOn("a"), container("a"));

        assertThat(plan.containers()).extracting(ContainerSpec::alias).containsExactly("b", "a");
    }

    @Test
    void twoContainersBuildingOneTagDifferentlyAreRefusedBeforeAnythingStarts() {
        ImageBuild fromApp = new ImageBuild(Path.of("app"), "Dockerfile", Map.of(), null, false, false);
        ImageBuild fromWorker = new ImageBuild(Path.of("worker"), "Dockerfile", Map.of(), null, false, false);

        assertThatThrownBy(() -> plan(
                        container("app").image("shop/app:1").builtFrom(fromApp),
                        container("worker").image("shop/app:1").builtFrom(fromWorker)))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Containers 'app' and 'worker' both build the image 'shop/app:1', from different <build>"
                        + " elements. Give one of them another <image> tag, or the same <build>.");
    }

    @Test
    void twoContainersMayRunOneImageBuiltOnce() {
        ImageBuild build = new ImageBuild(Path.of("app"), "Dockerfile", Map.of(), null, false, false);

        Plan plan = plan(
                container("app1").image("shop/app:1").builtFrom(build),
                container("app2").image("shop/app:1").builtFrom(build));

        assertThat(plan.containers()).hasSize(2);
    }

    @Test
    void aPlanWithoutContainersHasNoLevels() {
        Plan plan = Plan.of(List.of());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.levels()).isEmpty();
    }

    @Test
    void aDependencyOnAnUnknownAliasNamesItAndTheKnownAliases() {
        assertThatThrownBy(() -> plan(container("app").dependsOn("dbb"), container("db")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Container 'app' (example/img:1) has <dependsOn><alias>dbb</alias></dependsOn>, but no"
                        + " container has the alias 'dbb'. Known aliases: app, db.");
    }

    @Test
    void aContainerThatDependsOnItselfIsRejected() {
        assertThatThrownBy(() -> plan(container("app").dependsOn("app")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Container 'app' (example/img:1) depends on itself in <dependsOn>; remove 'app' from its"
                        + " list.");
    }

    @Test
    void aCycleIsRejectedWithTheCycleSpelledOut() {
        assertThatThrownBy(
                        () -> plan(container("a").dependsOn("b"), container("b").dependsOn("a")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("The <dependsOn> elements form a cycle: a -> b -> a. Remove one of these dependencies.");
    }

    @Test
    void aLongerCycleIsSpelledOutWithoutTheContainersLeadingIntoIt() {
        assertThatThrownBy(() -> plan(
                        container("entry").dependsOn("x"),
                        container("x").dependsOn("y"),
                        container("y").dependsOn("z"),
                        container("z").dependsOn("x")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("The <dependsOn> elements form a cycle: x -> y -> z -> x. Remove one of these"
                        + " dependencies.");
    }

    @Test
    void twoContainersWithTheSameAliasAreRejected() {
        assertThatThrownBy(() -> plan(container("db"), container("db")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Two <container> elements have the alias 'db'. Aliases must be unique: rename one of"
                        + " them.");
    }

    @Test
    void filterKeepsTheNamedContainersAndEverythingTheyDependOnTransitively() {
        Plan plan = plan(
                container("db"),
                container("cache"),
                container("api").dependsOn("db"),
                container("web").dependsOn("api"),
                container("mail"));

        Plan filtered = plan.filter(List.of("web"));

        assertThat(filtered.containers()).extracting(ContainerSpec::alias).containsExactly("db", "api", "web");
        assertThat(filtered.levels())
                .extracting(level -> level.stream().map(ContainerSpec::alias).toList())
                .containsExactly(List.of("db"), List.of("api"), List.of("web"));
    }

    @Test
    void filterWithAnUnknownAliasNamesItAndTheKnownAliases() {
        Plan plan = plan(container("db"), container("app").dependsOn("db"));

        assertThatThrownBy(() -> plan.filter(List.of("app", "web")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("dock.filter names 'web', but no container has that alias. Known aliases: db, app.");
    }
}

package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes of dependency graphs that {@link PlanTest} does not cover: diamonds, cycles behind an entry, filters. */
class DependencyPlanTest {

    private static List<List<String>> levels(Plan plan) {
        return plan.levels().stream()
                .map(level -> level.stream().map(ContainerSpec::alias).toList())
                .toList();
    }

    @Test
    void independentContainersShareTheFirstLevelWhateverTheirPlaceInTheConfiguration() {
        Plan plan = plan(
                container("web").dependsOn("api"),
                container("api").dependsOn("db"),
                container("db"),
                container("solo"));

        assertThat(levels(plan)).containsExactly(List.of("db", "solo"), List.of("api"), List.of("web"));
    }

    @Test
    void aContainerIsPlacedOneLevelAfterItsDeepestDependency() {
        Plan plan = plan(
                container("base"),
                container("left").dependsOn("base"),
                container("right").dependsOn("base"),
                container("top").dependsOn("left", "right", "base"),
                container("side"));

        assertThat(levels(plan)).containsExactly(List.of("base", "side"), List.of("left", "right"), List.of("top"));
    }

    @Test
    void aCycleOfThreeIsAConfigurationErrorThatListsTheCycle() {
        assertThatThrownBy(() -> plan(
                        container("a").dependsOn("b"),
                        container("b").dependsOn("c"),
                        container("c").dependsOn("a")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("The <dependsOn> elements form a cycle: a -> b -> c -> a. Remove one of these"
                        + " dependencies.");
    }

    @Test
    void aCycleReachedThroughAnotherContainerListsOnlyTheContainersOnTheCycle() {
        assertThatThrownBy(() -> plan(
                        container("app").dependsOn("db"),
                        container("db").dependsOn("migrate"),
                        container("migrate").dependsOn("db"),
                        container("solo")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("The <dependsOn> elements form a cycle: db -> migrate -> db. Remove one of these"
                        + " dependencies.");
    }

    @Test
    void aFilterKeepsTheListedContainersAndWhatTheyDependOnInTheirLevels() {
        Plan plan = plan(
                container("db"),
                container("cache"),
                container("api").dependsOn("db"),
                container("web").dependsOn("api"),
                container("solo"));

        Plan filtered = plan.filter(List.of("api", "solo"));

        assertThat(levels(filtered)).containsExactly(List.of("db", "solo"), List.of("api"));
    }
}

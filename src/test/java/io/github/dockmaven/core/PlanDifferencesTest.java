package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlanDifferencesTest {

    private static ContainerSpec spec(String alias, Map<String, String> env, String logRegex, String port) {
        return new ContainerSpec(
                alias,
                "dock-it/redis:7",
                null,
                PullPolicy.MISSING,
                null,
                List.of("redis-server"),
                null,
                env,
                Map.of(),
                List.of(PortMapping.parse(port)),
                List.of(),
                List.of(),
                List.of(),
                new WaitSpec(Pattern.compile(logRegex), List.of(), null, false, null, Duration.ofSeconds(10)),
                StopMode.STOP,
                Duration.ofSeconds(3),
                RunOptions.DEFAULTS,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false);
    }

    @Test
    void plansReadTwiceFromTheSameConfigurationDoNotDiffer() {
        Plan early = Plan.of(List.of(spec("db", Map.of("A", "1"), "Ready", "6379")));
        Plan now = Plan.of(List.of(spec("db", Map.of("A", "1"), "Ready", "6379")));

        assertThat(PlanDifferences.between(early, now)).isEmpty();
    }

    @Test
    void aChangedValueIsNamedByTheFieldItChangedAndTheContainer() {
        Plan early = Plan.of(List.of(spec("db", Map.of("A", "${a}"), "Ready", "6379")));
        Plan now = Plan.of(List.of(spec("db", Map.of("A", "1"), "Ready", "16379:6379")));

        assertThat(PlanDifferences.between(early, now)).containsExactly("'db' differs (env, ports)");
    }

    @Test
    void aChangedWaitRegexIsADifferenceOfTheReadiness() {
        Plan early = Plan.of(List.of(spec("db", Map.of(), "Ready", "6379")));
        Plan now = Plan.of(List.of(spec("db", Map.of(), "Ready to accept", "6379")));

        assertThat(PlanDifferences.between(early, now)).containsExactly("'db' differs (readiness)");
    }

    @Test
    void containersAddedOrLeftOutSinceAreNamed() {
        Plan early = Plan.of(List.of(spec("db", Map.of(), "Ready", "6379"), spec("old", Map.of(), "x", "1")));
        Plan now = Plan.of(List.of(spec("db", Map.of(), "Ready", "6379"), spec("cache", Map.of(), "x", "1")));

        assertThat(PlanDifferences.between(early, now)).containsExactly("'cache' is new", "'old' is gone");
    }
}

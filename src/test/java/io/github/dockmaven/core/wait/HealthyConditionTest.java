package io.github.dockmaven.core.wait;

import static io.github.dockmaven.core.wait.Containers.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerLog;
import org.junit.jupiter.api.Test;

class HealthyConditionTest {

    private final ContainerLog log = new ContainerLog(line -> {});
    private final HealthyCondition condition = new HealthyCondition();

    @Test
    void holdsWhenTheEngineReportsHealthy() {
        assertThat(condition.check(new Probe(running(Health.HEALTHY), log, "localhost")))
                .isTrue();
    }

    @Test
    void failsWithTheCurrentHealth() {
        assertThat(condition.check(new Probe(running(Health.UNHEALTHY), log, "localhost")))
                .isFalse();
        assertThat(condition.lastFailure()).isEqualTo("its health is unhealthy");
    }

    @Test
    void failsNamingTheFixWhenTheImageHasNoHealthCheck() {
        assertThat(condition.check(new Probe(running(Health.NONE), log, "localhost")))
                .isFalse();
        assertThat(condition.lastFailure())
                .isEqualTo("the image declares no HEALTHCHECK and none was configured, so it never reports healthy");
    }
}

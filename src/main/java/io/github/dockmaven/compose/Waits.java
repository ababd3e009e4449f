package io.github.dockmaven.compose;

import io.github.dockmaven.compose.DependsOn.Condition;
import io.github.dockmaven.compose.DependsOn.Dependency;
import io.github.dockmaven.compose.ServiceSelection.Selected;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.WaitSpec;
import java.util.List;

/**
 * When a service counts as ready, so that its dependents may start: until it exited 0 when a dependent waits for
 * {@code service_completed_successfully}; until healthy when it has a health check of its own or a dependent waits for
 * {@code service_healthy}; otherwise as a {@code <container>} without {@code <wait>}: running, and healthy if its
 * image declares a HEALTHCHECK. The POM may replace this wait ({@code <container>} overlay).
 */
final class Waits {

    private static final WaitSpec DEFAULT = new WaitSpec(null, List.of(), null, false, null, WaitSpec.DEFAULT_TIMEOUT);
    private static final WaitSpec HEALTHY = new WaitSpec(null, List.of(), null, true, null, WaitSpec.DEFAULT_TIMEOUT);
    private static final WaitSpec EXITED_0 = new WaitSpec(null, List.of(), null, false, 0, WaitSpec.DEFAULT_TIMEOUT);

    private Waits() {}

    /**
     * @param service the service
     * @param healthcheck its own health check, or null
     * @param selected every service that runs, to find what its dependents wait for
     */
    static WaitSpec of(ComposeService service, Healthcheck healthcheck, List<Selected> selected) {
        Dependency healthy = null;
        Dependency completed = null;
        for (Selected dependent : selected) {
            Dependency dependency = dependent.dependsOn().get(service.name());
            if (dependency != null && dependency.condition() == Condition.SERVICE_HEALTHY) {
                healthy = dependency;
            } else if (dependency != null && dependency.condition() == Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
                completed = dependency;
            }
        }
        if (healthy != null && completed != null) {
            throw healthy.node()
                    .fail("waits for '" + service.name() + "' to be healthy, but service '"
                            + completed.node().service().name()
                            + "' waits for it to complete (service_completed_successfully)."
                            + " A service cannot be both; use one condition.");
        }
        if (completed != null) {
            return EXITED_0;
        }
        boolean disabled = healthcheck != null && healthcheck.disabled();
        if (healthy != null && disabled) {
            throw healthy.node()
                    .fail("waits for '" + service.name() + "' to be healthy, but its healthcheck is"
                            + " disabled, so it never is. Enable the healthcheck, or use condition: service_started.");
        }
        return healthy != null || (healthcheck != null && !disabled && healthcheck.test() != null) ? HEALTHY : DEFAULT;
    }
}

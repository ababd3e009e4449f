package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.ContainerInfo.Health;

/** Holds once the engine reports the container healthy. */
public final class HealthyCondition implements Condition {

    private String lastFailure = "";

    @Override
    public String describe() {
        return "the container reported healthy";
    }

    @Override
    public boolean check(Probe probe) {
        Health health = probe.container().health();
        if (health == Health.HEALTHY) {
            return true;
        }
        lastFailure = health == Health.NONE
                ? "the image declares no HEALTHCHECK and none was configured, so it never reports healthy"
                : "its health is " + health.name().toLowerCase(java.util.Locale.ROOT);
        return false;
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }
}

package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerInfo.Status;
import java.util.Map;

/** Container states for condition and waiter tests. */
final class Containers {

    static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private Containers() {}

    static ContainerInfo running() {
        return running(Health.NONE, Map.of());
    }

    static ContainerInfo running(Health health) {
        return running(health, Map.of());
    }

    /** Running, with {@code "5432/tcp"} to host port mappings. */
    static ContainerInfo running(Health health, Map<String, Integer> ports) {
        return state(Status.RUNNING, 0, health, ports, "");
    }

    /** Running, with these port mappings, at {@code address} on the network {@code shop-net}. */
    static ContainerInfo runningAt(String address, Map<String, Integer> ports) {
        return new ContainerInfo(
                ID,
                "shop-db-s3ss10n0",
                "postgres:16",
                Map.of(),
                Status.RUNNING,
                0,
                Health.NONE,
                ports,
                Map.of("shop-net", address),
                "");
    }

    static ContainerInfo created() {
        return state(Status.CREATED, 0, Health.NONE, Map.of(), "");
    }

    static ContainerInfo exited(int code) {
        return state(Status.EXITED, code, Health.NONE, Map.of(), "");
    }

    static ContainerInfo exited(int code, String error) {
        return state(Status.EXITED, code, Health.NONE, Map.of(), error);
    }

    private static ContainerInfo state(
            Status status, int code, Health health, Map<String, Integer> ports, String error) {
        return new ContainerInfo(
                ID, "shop-db-s3ss10n0", "postgres:16", Map.of(), status, code, health, ports, Map.of(), error);
    }
}

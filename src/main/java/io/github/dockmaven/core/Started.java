package io.github.dockmaven.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A container this plugin created.
 *
 * @param alias its alias
 * @param image its image
 * @param id its full id
 * @param name its name
 * @param ports {@code "8080/tcp"} to the published host port
 * @param ip its IP address on the build's network, or empty
 * @param stopMode how to stop it
 * @param stopTimeout the grace period of a graceful stop
 * @param dependsOn the aliases it depends on, so that stop runs in reverse order
 * @param hooks what a graceful stop runs around stopping it ({@code preStop}, {@code copyOut}); {@link
 *     StopHooks#NONE} until it is ready, and for a container found by its labels
 */
public record Started(
        String alias,
        String image,
        String id,
        String name,
        Map<String, Integer> ports,
        String ip,
        ContainerSpec.StopMode stopMode,
        Duration stopTimeout,
        List<String> dependsOn,
        StopHooks hooks) {

    /** The container of {@code spec} the engine created as {@code id} and {@code name}, before it is ready. */
    public static Started created(ContainerSpec spec, String id, String name) {
        return new Started(
                spec.alias(),
                spec.image(),
                id,
                name,
                Map.of(),
                "",
                spec.stopMode(),
                spec.stopTimeout(),
                spec.dependsOn(),
                StopHooks.NONE);
    }

    /** This container, with {@code hooks} to run around its stop. */
    public Started withHooks(StopHooks hooks) {
        return new Started(alias, image, id, name, ports, ip, stopMode, stopTimeout, dependsOn, hooks);
    }

    /** {@code 'db' (postgres:16, 3f2a1c9b04de)}. */
    public String describe() {
        return "'" + alias + "' (" + image + ", " + Ids.shortId(id) + ")";
    }
}

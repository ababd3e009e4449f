package io.github.dockmaven.core;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param id the full id
 * @param name the name, without a leading slash
 * @param image the image reference it was created from
 * @param labels its labels
 * @param status its state
 * @param exitCode the exit code, meaningful once it exited
 * @param health its health, {@link Health#NONE} when the image declares no health check
 * @param ports published ports: {@code "8080/tcp"} to the host port
 * @param ipAddresses network name to the container's IP address on it
 * @param error the engine's error text for a container that failed, or empty
 */
public record ContainerInfo(
        String id,
        String name,
        String image,
        Map<String, String> labels,
        Status status,
        int exitCode,
        Health health,
        Map<String, Integer> ports,
        Map<String, String> ipAddresses,
        String error) {

    /** The lifecycle state of a container. */
    public enum Status {
        CREATED,
        RUNNING,
        PAUSED,
        RESTARTING,
        REMOVING,
        EXITED,
        DEAD;

        public boolean isRunning() {
            return this == RUNNING || this == PAUSED || this == RESTARTING;
        }
    }

    /** The health reported by the image's health check. */
    public enum Health {
        NONE,
        STARTING,
        HEALTHY,
        UNHEALTHY
    }

    public String shortId() {
        return Ids.shortId(id);
    }
}

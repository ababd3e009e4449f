package io.github.dockmaven.core;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The readiness conditions of one container; every condition given must hold, all within {@code timeout}.
 *
 * @param log a pattern one output line must contain a match of, or null
 * @param tcp container ports that must accept TCP connections through their published host ports
 * @param http an HTTP check, or null
 * @param healthy whether the engine must report the container healthy
 * @param exitCode the exit code a one-shot container must exit with, or null
 * @param timeout how long all conditions together may take
 */
public record WaitSpec(Pattern log, List<Integer> tcp, Http http, boolean healthy, Integer exitCode, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** No explicit condition: the container must be running, and healthy if its image has a health check. */
    public boolean isDefault() {
        return log == null && tcp.isEmpty() && http == null && !healthy && exitCode == null;
    }

    /**
     * An HTTP readiness check.
     *
     * @param port the container port
     * @param path the request path
     * @param method the request method
     * @param statusMin the lowest accepted status
     * @param statusMax the highest accepted status
     */
    public record Http(int port, String path, String method, int statusMin, int statusMax) {}
}

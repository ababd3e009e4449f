package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When a Podman container's health check is due, as Docker's own scheduler would run it: every interval (30s unless
 * the image says otherwise), counted from the end of the last check, or from the start for the first one.
 */
final class PodmanHealth {

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private PodmanHealth() {}

    static boolean checkDue(InspectContainerResponse container, Instant now) {
        InspectContainerResponse.ContainerState state = container.getState();
        HealthCheck check =
                container.getConfig() == null ? null : container.getConfig().getHealthcheck();
        if (state == null
                || !Boolean.TRUE.equals(state.getRunning())
                || state.getHealth() == null
                || check == null
                || check.getTest() == null
                || check.getTest().isEmpty()
                || check.getTest().get(0).equals("NONE")) {
            return false;
        }
        Duration interval = check.getInterval() == null || check.getInterval() <= 0
                ? DEFAULT_INTERVAL
                : Duration.ofNanos(check.getInterval());
        Instant last = lastCheck(state.getHealth());
        if (last == null) {
            last = parse(state.getStartedAt());
        }
        return last == null || !now.isBefore(last.plus(interval));
    }

    private static Instant lastCheck(HealthState health) {
        List<HealthStateLog> log = health.getLog();
        if (log == null || log.isEmpty()) {
            return null;
        }
        HealthStateLog entry = log.get(log.size() - 1);
        Instant end = parse(entry.getEnd());
        return end != null ? end : parse(entry.getStart());
    }

    private static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}

package io.github.dockmaven.core;

import java.time.Duration;
import java.util.List;

/**
 * A health check that replaces the image's {@code HEALTHCHECK}. What is not given is the image's (or the engine's
 * default).
 *
 * @param test the engine's test: {@code [CMD-SHELL, command]}, {@code [NONE]} to turn the image's check off, or null to
 *     keep the image's command
 * @param interval the time between checks, or null
 * @param timeout how long one check may take, or null
 * @param retries how many failures in a row make the container unhealthy, or null
 * @param startPeriod how long after the start failures do not count yet, or null
 * @param startInterval the time between checks during the start period, or null
 */
public record Healthcheck(
        List<String> test,
        Duration interval,
        Duration timeout,
        Integer retries,
        Duration startPeriod,
        Duration startInterval) {

    /** A health check with the engine's interval during the start period. */
    public Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod) {
        this(test, interval, timeout, retries, startPeriod, null);
    }

    /** The test that turns the image's health check off. */
    public static final String NONE = "NONE";

    /** The engine's test for {@code command}: run in a shell, or {@code [NONE]} for {@code NONE}. */
    public static List<String> test(String command) {
        String trimmed = command.trim();
        return trimmed.equals(NONE) ? List.of(NONE) : List.of("CMD-SHELL", trimmed);
    }

    /** Whether this turns the image's health check off. */
    public boolean disabled() {
        return test != null && test.equals(List.of(NONE));
    }

    /** A duration of a health check, checked as the engine would: 1ms or more. */
    public static Duration checkDuration(Duration duration) {
        if (duration.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("it must be at least 1ms");
        }
        return duration;
    }
}

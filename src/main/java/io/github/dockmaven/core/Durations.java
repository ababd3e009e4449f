package io.github.dockmaven.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write: {@code 500ms}, {@code 3s}, {@code 1m}, {@code 1m30s}, {@code 2h}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    /** Parses a duration; a bare number means seconds. Throws {@link IllegalArgumentException} with the reason. */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (trimmed.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        Matcher m = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long amount = Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    });
            end = m.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 3s, 1m or 1m30s");
        }
        return total;
    }

    /** Formats a duration the way users write it: {@code 1.8s}, {@code 250ms}, {@code 2m5s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        // Round to tenths first, so that 59.99s reads 1m, not 60.0s.
        long tenths = (ms + 50) / 100;
        if (tenths < 600) {
            return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + "s";
        }
        long s = tenths / 10;
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
}

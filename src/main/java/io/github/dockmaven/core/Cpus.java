package io.github.dockmaven.core;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A number of CPUs as {@code docker run --cpus} takes it: a decimal number such as {@code 1.5}.
 *
 * @param nanoCpus the CPUs in billionths, as the engine's API takes them
 */
public record Cpus(long nanoCpus) {

    private static final Pattern SYNTAX = Pattern.compile("\\d{1,6}(?:\\.\\d{1,9})?|\\.\\d{1,9}");

    /** Parses a number of CPUs; throws {@link IllegalArgumentException} with the reason. */
    public static Cpus parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!SYNTAX.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("expected a decimal number of CPUs, such as 1 or 1.5");
        }
        long nanos = new BigDecimal(trimmed).movePointRight(9).longValueExact();
        if (nanos <= 0) {
            throw new IllegalArgumentException("a container needs more than 0 CPUs");
        }
        return new Cpus(nanos);
    }
}

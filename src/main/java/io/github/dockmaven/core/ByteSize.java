package io.github.dockmaven.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as {@code docker run --memory} takes it: bytes ({@code 1048576}), or a number with a unit {@code k}, {@code
 * m}, {@code g}, {@code t} (binary multiples, as Docker reads them; {@code 512m}, {@code 1.5g}, {@code 2GB}).
 *
 * @param bytes the size in bytes, above zero
 */
public record ByteSize(long bytes) {

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgtp";

    /** Parses a size; throws {@link IllegalArgumentException} with the reason. */
    public static ByteSize parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected bytes, or a number with the unit k, m, g or t, such as 512m" + " or 2g");
        }
        int power = m.group(2) == null ? 0 : UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes =
                new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("that is more bytes than the engine can take");
        }
        long whole = bytes.longValue();
        if (whole <= 0) {
            throw new IllegalArgumentException("a size must be at least 1 byte");
        }
        return new ByteSize(whole);
    }
}

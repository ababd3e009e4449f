package io.github.dockmaven.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image platform, {@code os/arch[/variant]}: {@code linux/amd64}, {@code linux/arm64/v8}.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param arch the CPU architecture, e.g. {@code amd64}
 * @param variant the architecture's variant, e.g. {@code v8}, or null
 */
public record Platform(String os, String arch, String variant) {

    private static final Pattern SYNTAX = Pattern.compile("([a-z0-9_]+)/([a-z0-9_]+)(?:/([a-z0-9_]+))?");

    /** Parses {@code os/arch[/variant]}; throws {@link IllegalArgumentException} with the reason. */
    public static Platform parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected os/arch or os/arch/variant in lower case, such as" + " linux/amd64 or linux/arm64/v8");
        }
        return new Platform(m.group(1), m.group(2), m.group(3));
    }

    /** As the engine's API takes it: {@code linux/arm64/v8}. */
    @Override
    public String toString() {
        return os + "/" + arch + (variant == null ? "" : "/" + variant);
    }
}

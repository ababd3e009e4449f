package io.github.dockmaven.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tmpfs mount as {@code docker run --tmpfs} takes it: {@code /path[:options]}, the options those of mount(8) for
 * tmpfs ({@code size=64m,mode=1777}).
 *
 * @param path the absolute path in the container
 * @param options the mount options, or an empty string for the engine's defaults
 */
public record TmpfsMount(String path, String options) {

    private static final Pattern SYNTAX = Pattern.compile("(/[^:\\s]*)(?::(\\S+))?");

    /** Parses {@code /path[:options]}; throws {@link IllegalArgumentException} with the reason. */
    public static TmpfsMount parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected an absolute path in the container, optionally followed by"
                    + " :options, such as /tmp or /run:size=64m,mode=1777");
        }
        return new TmpfsMount(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
}

package io.github.dockmaven.core;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource limit as {@code docker run --ulimit} takes it: {@code name=soft[:hard]}, the hard limit defaulting to the
 * soft one; {@code -1} means unlimited.
 *
 * @param name the limit's name, e.g. {@code nofile}
 * @param soft the soft limit
 * @param hard the hard limit, at least the soft one
 */
public record Ulimit(String name, long soft, long hard) {

    private static final Pattern SYNTAX = Pattern.compile("([a-z]+)=(-1|\\d{1,18})(?::(-1|\\d{1,18}))?");
    /** The names the engine knows, as setrlimit(2) has them. */
    private static final Set<String> NAMES = Set.of(
            "core",
            "cpu",
            "data",
            "fsize",
            "locks",
            "memlock",
            "msgqueue",
            "nice",
            "nofile",
            "nproc",
            "rss",
            "rtprio",
            "rttime",
            "sigpending",
            "stack");

    /** Parses {@code name=soft[:hard]}; throws {@link IllegalArgumentException} with the reason. */
    public static Ulimit parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected name=soft or name=soft:hard, such as nofile=65536:65536");
        }
        String name = m.group(1);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a limit; known limits are "
                    + String.join(", ", NAMES.stream().sorted().toList()));
        }
        long soft = Long.parseLong(m.group(2));
        long hard = m.group(3) == null ? soft : Long.parseLong(m.group(3));
        if (hard != -1 && (soft == -1 || soft > hard)) {
            throw new IllegalArgumentException("the soft limit " + soft + " is above the hard limit " + hard);
        }
        return new Ulimit(name, soft, hard);
    }
}

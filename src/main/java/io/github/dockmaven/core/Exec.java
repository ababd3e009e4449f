package io.github.dockmaven.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One command run inside a running container ({@code <postStart>}, {@code <preStop>}): its words, run as given,
 * without a shell (a command that needs one says {@code sh -c '...'}).
 *
 * @param argv the program and its arguments; never empty
 */
public record Exec(List<String> argv) {

    public Exec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
    }

    /** The command as a shell would read it back: {@code sh -c 'exit 4'}. */
    public String display() {
        return argv.stream().map(Exec::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\$`".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

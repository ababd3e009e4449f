package io.github.dockmaven.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads a file in Docker's env-file format, as {@code docker run --env-file} does: one {@code NAME=value} per line,
 * the value taken as written (no quotes removed); blank lines and lines starting with {@code #} are skipped; a line
 * holding only {@code NAME} takes the value of that variable in the build's environment, and is skipped when it is
 * not set there.
 */
public final class EnvFile {

    private EnvFile() {}

    /**
     * The variables of {@code file}, in the order of the file; a later line wins over an earlier one of the same name.
     *
     * @param environment the build's environment, for lines holding a name only
     * @throws IllegalArgumentException when the file cannot be read or a line is not valid, naming the line
     */
    public static Map<String, String> read(Path file, UnaryOperator<String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    Files.exists(file) ? "it cannot be read (" + e.getMessage() + ")" : "the file does not exist", e);
        }
        return parse(lines, environment);
    }

    /** The variables of these lines; see {@link #read}. */
    public static Map<String, String> parse(List<String> lines, UnaryOperator<String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line.stripTrailing() : line.substring(0, equals);
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("line " + (i + 1) + " '" + lines.get(i) + "' is not NAME=value"
                        + (name.isEmpty() ? " (no name before '=')" : " (a name has no spaces)"));
            }
            if (equals >= 0) {
                variables.put(name, line.substring(equals + 1));
            } else if (environment.apply(name) != null) {
                variables.put(name, environment.apply(name));
            }
        }
        return variables;
    }
}

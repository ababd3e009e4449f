package io.github.dockmaven.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads env files in the two formats a build meets. Docker's ({@link #read}), as {@code docker run --env-file} reads
 * it: one {@code NAME=value} per line, the value taken as written (no quotes removed); blank lines and lines starting
 * with {@code #} are skipped; a line holding only {@code NAME} takes the value of that variable in the build's
 * environment, and is skipped when it is not set there. Compose's dotenv format ({@link #readDotEnv}), as {@code
 * docker compose} reads a {@code .env} file: the same, plus an {@code export} prefix, values in single quotes taken
 * literally, values in double quotes with escapes ({@code \n}, {@code \t}, {@code \"}, {@code \\}, {@code \$}),
 * quoted values spanning lines, {@code " #"} starting a comment after an unquoted value, and variables in unquoted
 * and double-quoted values expanded.
 */
public final class EnvFile {

    /** Export prefix of a dotenv line: {@code export NAME=value}, as a shell script would write it. */
    private static final Pattern EXPORT = Pattern.compile("export[ \\t]+");

    /** The characters compose accepts in a dotenv name. */
    private static final Pattern DOTENV_NAME = Pattern.compile("[\\p{L}\\p{N}_.\\[\\]-]+");

    /** How the variables of a dotenv value are expanded: compose's interpolation, in the compose package. */
    @FunctionalInterface
    public interface Expansion {

        /**
         * The value with its variables replaced.
         *
         * @param earlier the variables of the lines above, which a value may use
         * @throws IllegalArgumentException when the value cannot be expanded, saying why
         */
        String expand(String value, Map<String, String> earlier);
    }

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

    /**
     * The variables of a dotenv file, in the order of the file; a later line wins over an earlier one of the same
     * name. See the class comment for the format.
     *
     * @param environment the build's environment, for lines holding a name only
     * @param expansion expands the variables of unquoted and double-quoted values
     * @throws IllegalArgumentException when the file cannot be read or a line is not valid, naming the line
     */
    public static Map<String, String> readDotEnv(Path file, UnaryOperator<String> environment, Expansion expansion) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    Files.exists(file) ? "it cannot be read (" + e.getMessage() + ")" : "the file does not exist", e);
        }
        return parseDotEnv(text, environment, expansion);
    }

    /** The variables of this dotenv text; see {@link #readDotEnv}. */
    public static Map<String, String> parseDotEnv(String text, UnaryOperator<String> environment, Expansion expansion) {
        return new DotEnvParser(text, environment, expansion).parse();
    }

    /** One pass over a dotenv text; quoted values may span lines, so it reads characters, not lines. */
    private static final class DotEnvParser {

        private final String text;
        private final UnaryOperator<String> environment;
        private final Expansion expansion;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private int position;
        private int line = 1;

        DotEnvParser(String text, UnaryOperator<String> environment, Expansion expansion) {
            this.text = text;
            this.environment = environment;
            this.expansion = expansion;
        }

        Map<String, String> parse() {
            while (skipBlankAndCommentLines()) {
                int start = line;
                String statement = restOfLine();
                var export = EXPORT.matcher(statement);
                int nameStart = export.lookingAt() ? export.end() : 0;
                int equals = statement.indexOf('=', nameStart);
                String name =
                        (equals < 0 ? statement.substring(nameStart) : statement.substring(nameStart, equals)).strip();
                checkName(name, statement, start);
                if (equals < 0) {
                    position += statement.length();
                    String inherited = environment.apply(name);
                    if (inherited != null) {
                        variables.put(name, inherited);
                    }
                    continue;
                }
                position += equals + 1;
                skipSpaces();
                variables.put(name, value(start));
            }
            return variables;
        }

        private void checkName(String name, String statement, int start) {
            if (name.isEmpty()) {
                throw notNameValue(statement, start, "no name before '='");
            }
            if (name.chars().anyMatch(Character::isWhitespace)) {
                throw notNameValue(statement, start, "a name has no spaces");
            }
            if (!DOTENV_NAME.matcher(name).matches()) {
                throw notNameValue(statement, start, "a name has letters, digits, '_', '.', '-', '[' and ']' only");
            }
        }

        private static IllegalArgumentException notNameValue(String statement, int line, String why) {
            return new IllegalArgumentException(
                    "line " + line + " '" + statement.strip() + "' is not NAME=value (" + why + ")");
        }

        private String value(int start) {
            char first = position < text.length() ? text.charAt(position) : '\n';
            if (first == '\'' || first == '"') {
                String quoted = quoted(first, start);
                return first == '"' ? expand(quoted, start) : quoted;
            }
            String value = restOfLine();
            position += value.length();
            int comment = value.indexOf(" #");
            return expand((comment < 0 ? value : value.substring(0, comment)).strip(), start);
        }

        /** The value between quotes, escapes resolved; only spaces and a comment may follow it on its line. */
        private String quoted(char quote, int start) {
            StringBuilder value = new StringBuilder();
            int i = position + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    i++;
                    value.append(quote == '"' ? doubleQuoted(text.charAt(i)) : singleQuoted(text.charAt(i)));
                } else {
                    value.append(c);
                }
                if (text.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
            if (i == text.length()) {
                throw new IllegalArgumentException("line " + start + ": the value's " + quote + " is not closed");
            }
            position = i + 1;
            String after = restOfLine();
            position += after.length();
            if (!after.isBlank() && !after.strip().startsWith("#")) {
                throw new IllegalArgumentException("line " + line + ": '" + after.strip() + "' follows the closing "
                        + quote + "; put a value with spaces inside the quotes");
            }
            return value.toString();
        }

        private static String doubleQuoted(char escaped) {
            return switch (escaped) {
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case '"', '\\' -> String.valueOf(escaped);
                // $$ is interpolation's own literal dollar, so \$ stays a dollar through the expansion
                case '$' -> "$$";
                default -> "\\" + escaped;
            };
        }

        private static String singleQuoted(char escaped) {
            return escaped == '\'' ? "'" : "\\" + escaped;
        }

        private String expand(String value, int start) {
            try {
                return expansion.expand(value, variables);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + start + ": " + e.getMessage(), e);
            }
        }

        /** Moves to the next statement; false at the end of the text. */
        private boolean skipBlankAndCommentLines() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '#') {
                    position += restOfLine().length();
                } else if (c == '\n') {
                    line++;
                    position++;
                } else if (Character.isWhitespace(c)) {
                    position++;
                } else {
                    return true;
                }
            }
            return false;
        }

        private void skipSpaces() {
            while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
                position++;
            }
        }

        private String restOfLine() {
            int end = text.indexOf('\n', position);
            return text.substring(position, end < 0 ? text.length() : end);
        }
    }
}

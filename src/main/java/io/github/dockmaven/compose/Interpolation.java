package io.github.dockmaven.compose;

import io.github.dockmaven.core.EnvFile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compose's variable substitution in one string: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code
 * ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+replacement}}, {@code
 * ${VAR+replacement}}, operands that hold further references ({@code ${A:-${B}}}), and {@code $$} for a literal
 * dollar. A {@code $} not followed by a name or a brace stays as it is, as compose leaves it.
 */
final class Interpolation {

    /** A {@code ${VAR:?message}} or {@code ${VAR?message}} whose variable is missing. */
    static final class MissingVariable extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        MissingVariable(String variable, String reason, boolean empty) {
            super("the variable " + variable + " is required but " + (empty ? "empty" : "not set")
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
    }

    /** A {@code ${...}} that is none of compose's forms, such as {@code ${VAR/a/b}} or an unclosed {@code ${VAR}. */
    static final class InvalidReference extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidReference(String reference) {
            super("'" + reference + "' is not a variable reference compose knows: write ${NAME}, ${NAME:-default},"
                    + " ${NAME-default}, ${NAME:?message}, ${NAME?message}, ${NAME:+replacement} or"
                    + " ${NAME+replacement}, and $$ for a literal $");
        }
    }

    private final Map<String, String> variables;
    private final Consumer<String> unset;

    /**
     * @param variables the values by name
     * @param unset told the name of each variable used without a default that has no value: compose replaces it by
     *     an empty string with a warning
     */
    Interpolation(Map<String, String> variables, Consumer<String> unset) {
        this.variables = variables;
        this.unset = unset;
    }

    /**
     * How compose expands the values of a dotenv file ({@code .env}, {@code env_file}): with these variables first,
     * then those of the lines above, as compose looks them up.
     *
     * @param unset told the name of each variable used without a default that has no value
     */
    static EnvFile.Expansion dotEnv(Map<String, String> variables, Consumer<String> unset) {
        return (value, earlier) -> {
            Map<String, String> known = new HashMap<>(earlier);
            known.putAll(variables);
            return new Interpolation(known, unset).apply(value);
        };
    }

    /**
     * The text with its references replaced.
     *
     * @throws MissingVariable for a required variable that is missing
     * @throws InvalidReference for a {@code ${...}} compose would refuse
     */
    String apply(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c != '$') {
                out.append(c);
                i++;
            } else if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = closingBrace(text, i + 1);
                if (close < 0) {
                    throw new InvalidReference(text.substring(i));
                }
                out.append(braced(text.substring(i + 2, close), text.substring(i, close + 1)));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = nameEnd(text, i + 1);
                out.append(value(text.substring(i + 1, end)));
                i = end;
            } else {
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String expression, String reference) {
        int end = expression.isEmpty() || !isNameStart(expression.charAt(0)) ? 0 : nameEnd(expression, 0);
        if (end == 0) {
            throw new InvalidReference(reference);
        }
        String name = expression.substring(0, end);
        String rest = expression.substring(end);
        if (rest.isEmpty()) {
            return value(name);
        }
        boolean colon = rest.startsWith(":");
        String operator = rest.substring(colon ? 1 : 0, Math.min(rest.length(), colon ? 2 : 1));
        String operand = rest.substring(colon ? 2 : 1);
        String value = variables.get(name);
        // With a colon an empty value counts as missing; without one only an unset variable does.
        boolean present = value != null && !(colon && value.isEmpty());
        return switch (operator) {
            case "-" -> present ? value : apply(operand);
            case "+" -> present ? apply(operand) : "";
            case "?" -> {
                if (!present) {
                    throw new MissingVariable(name, apply(operand), value != null);
                }
                yield value;
            }
            default -> throw new InvalidReference(reference);
        };
    }

    private String value(String name) {
        String value = variables.get(name);
        if (value == null) {
            unset.accept(name);
            return "";
        }
        return value;
    }

    /** The index of the brace closing the one at {@code open}, counting the braces of nested references. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int start) {
        int end = start + 1;
        while (end < text.length() && (isNameStart(text.charAt(end)) || isDigit(text.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package io.github.dockmaven.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile builds {@code FROM}, as the engine will pull them: with the global {@code ARG}s substituted
 * (the build's args over their defaults), without {@code scratch} and the names of earlier stages. The build needs
 * credentials for exactly their registries.
 */
final class DockerfileBaseImages {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("#\\s*escape\\s*=\\s*([\\\\`])\\s*");
    private static final Pattern VARIABLE =
            Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private DockerfileBaseImages() {}

    /** The base images of the Dockerfile {@code lines}, in order, each once. */
    static List<String> of(List<String> lines, Map<String, String> buildArgs) {
        Map<String, String> globalArgs = new LinkedHashMap<>();
        Set<String> stages = new LinkedHashSet<>();
        Set<String> images = new LinkedHashSet<>();
        boolean seenFrom = false;
        for (String instruction : instructions(lines)) {
            String[] words = instruction.trim().split("\\s+");
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("ARG") && !seenFrom) {
                for (int i = 1; i < words.length; i++) {
                    String[] nameAndDefault = words[i].split("=", 2);
                    String name = nameAndDefault[0];
                    String value = buildArgs.containsKey(name)
                            ? buildArgs.get(name)
                            : nameAndDefault.length > 1 ? unquote(nameAndDefault[1]) : "";
                    globalArgs.put(name, value);
                }
            } else if (keyword.equals("FROM")) {
                seenFrom = true;
                List<String> operands = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        operands.add(words[i]);
                    }
                }
                if (operands.isEmpty()) {
                    continue;
                }
                String image = substitute(operands.get(0), globalArgs);
                if (!image.isEmpty()
                        && !image.equalsIgnoreCase("scratch")
                        && !stages.contains(image.toLowerCase(Locale.ROOT))) {
                    images.add(image);
                }
                if (operands.size() == 3 && operands.get(1).equalsIgnoreCase("AS")) {
                    stages.add(operands.get(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(images);
    }

    /** The instructions: continuation lines joined, comments and blank lines left out. */
    private static List<String> instructions(List<String> lines) {
        char escape = '\\';
        if (!lines.isEmpty()) {
            Matcher directive = ESCAPE_DIRECTIVE.matcher(lines.get(0).trim());
            if (directive.matches()) {
                escape = directive.group(1).charAt(0);
            }
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith(String.valueOf(escape))) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString());
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            instructions.add(current.toString());
        }
        return instructions;
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(4);
            String value = args.getOrDefault(name, "");
            if ("-".equals(variable.group(2)) && value.isEmpty()) {
                value = variable.group(3);
            } else if ("+".equals(variable.group(2))) {
                value = value.isEmpty() ? "" : variable.group(3);
            }
            variable.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        variable.appendTail(result);
        return result.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}

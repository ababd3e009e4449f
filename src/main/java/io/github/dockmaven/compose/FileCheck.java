package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one compose file before it is merged: its top-level keys, the shape of {@code services}, {@code volumes} and
 * {@code networks}, and the first-level keys of each service (see {@link ServiceKeys}). What lies below those keys is
 * the mapper's to check.
 */
final class FileCheck {

    private static final List<String> TOP_LEVEL = List.of("services", "volumes", "networks");

    private static final Map<String, String> TOP_LEVEL_IGNORED = Map.of(
            "version", "it is obsolete in the compose specification",
            "name", "the plugin names the containers, networks and volumes it creates itself");

    /** Compose's rule for service names, which become container aliases and host names. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private final String file;
    private final Console console;

    /** @param file the file as messages name it, relative to the project folder */
    FileCheck(String file, Console console) {
        this.file = file;
        this.console = console;
    }

    /** Fails the build on the first key or shape the plugin cannot run; warns on keys it ignores. */
    void check(Map<String, Object> document) {
        for (String key : document.keySet()) {
            if (TOP_LEVEL_IGNORED.containsKey(key)) {
                console.warn(
                        "Compose file " + file + ": '" + key + "' is ignored: " + TOP_LEVEL_IGNORED.get(key) + ".");
            } else if (!TOP_LEVEL.contains(key) && !ServiceKeys.isExtension(key)) {
                throw new BuildFailure("Compose file " + file + ": the top-level key '" + key
                        + "' is not supported by dock-maven-plugin. "
                        + fix(
                                key,
                                TOP_LEVEL,
                                key.equals("include")
                                        ? "List the included files in <compose><files> instead."
                                        : "Remove it.")
                        + " Supported top-level keys: " + String.join(", ", TOP_LEVEL) + ", x-*.");
            }
        }
        checkNamed(document, "volumes", "volume");
        checkNamed(document, "networks", "network");
        for (Map.Entry<String, Object> service :
                mapping(document, "services", "service").entrySet()) {
            checkService(service.getKey(), service.getValue());
        }
    }

    private void checkService(String name, Object definition) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw new BuildFailure("Compose file " + file + ": '" + name + "' is not a valid service name: it has"
                    + " letters, digits, '_', '.' and '-' only, and starts with a letter or a digit.");
        }
        String where = "Compose file " + file + ", service '" + name + "'";
        Object plain = MergeTags.plain(definition);
        if (plain == null) {
            return;
        }
        if (!(plain instanceof Map<?, ?> keys)) {
            throw new BuildFailure(where + ": its definition must be a mapping of keys such as image and ports, not "
                    + describe(plain) + ".");
        }
        for (Object object : keys.keySet()) {
            String key = (String) object;
            if (ServiceKeys.IGNORED.containsKey(key)) {
                console.warn(where + ": '" + key + "' is ignored: " + ServiceKeys.IGNORED.get(key) + ".");
            } else if (!ServiceKeys.SUPPORTED.contains(key) && !ServiceKeys.isExtension(key)) {
                throw new BuildFailure(where + ": the key '" + key + "' is not supported by dock-maven-plugin. "
                        + fix(key, known(), "Remove it, or run that service as a <container>.")
                        + " Supported keys: " + String.join(", ", ServiceKeys.supportedSorted()) + ", x-*.");
            }
        }
    }

    private static List<String> known() {
        List<String> known = new ArrayList<>(ServiceKeys.SUPPORTED);
        known.addAll(ServiceKeys.IGNORED.keySet());
        return known;
    }

    /** {@code volumes} and {@code networks}: each name maps to its options, or to nothing. */
    private void checkNamed(Map<String, Object> document, String key, String what) {
        for (Map.Entry<String, Object> named : mapping(document, key, what).entrySet()) {
            Object options = MergeTags.plain(named.getValue());
            if (options != null && !(options instanceof Map)) {
                throw new BuildFailure("Compose file " + file + ": the " + what + " '" + named.getKey()
                        + "' must be a mapping of its options, or empty, not " + describe(options) + ".");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mapping(Map<String, Object> document, String key, String what) {
        Object value = MergeTags.plain(document.get(key));
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new BuildFailure("Compose file " + file + ": '" + key + "' must map each " + what
                    + "'s name to its definition, not be " + describe(value) + ".");
        }
        return (Map<String, Object>) value;
    }

    /** The near miss of a typo if there is one, otherwise the general fix. */
    private static String fix(String key, Collection<String> known, String otherwise) {
        return nearMiss(key, known).map(near -> "Did you mean '" + near + "'?").orElse(otherwise);
    }

    /** The known key at most two edits away, and close enough for its length that it is likely what was meant. */
    static Optional<String> nearMiss(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance * 3 <= key.length() ? Optional.of(best) : Optional.empty();
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int replace = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(replace, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A value as a message shows it: a string in quotes, a list or a mapping by its kind. */
    static String describe(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}

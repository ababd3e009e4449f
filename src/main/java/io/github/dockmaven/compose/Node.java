package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One value of a service's definition with where it is ({@code ports[1]}, {@code healthcheck.interval}), read as the
 * type a key needs. A value of the wrong type, or one its reader rejects, becomes a {@link BuildFailure} naming the
 * file, the service, the key path and the value, so that no user mistake surfaces as a {@code ClassCastException}.
 */
final class Node {

    private final ComposeService service;
    private final String path;
    private final Object value;

    private Node(ComposeService service, String path, Object value) {
        this.service = service;
        this.path = path;
        this.value = value;
    }

    /** The value of {@code key} in {@code service}'s definition; {@link #isAbsent()} when it has none. */
    static Node of(ComposeService service, String key) {
        return new Node(service, key, service.definition().get(key));
    }

    String path() {
        return path;
    }

    ComposeService service() {
        return service;
    }

    /** Whether the key is missing or null. */
    boolean isAbsent() {
        return value == null;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    /** The value under {@code key} of this map; {@link #isAbsent()} when it has none. */
    Node get(String key) {
        if (!(value instanceof Map<?, ?> entries)) {
            throw wrongType("a map");
        }
        return new Node(service, path + "." + key, entries.get(key));
    }

    /** A value outside the service's definition that the service uses, such as its top-level volume. */
    static Node at(ComposeService service, String path, Object value) {
        return new Node(service, path, value);
    }

    /** A scalar as text: strings as they are, numbers and booleans as YAML wrote them. */
    String text() {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw wrongType("a single value");
    }

    /** The text, or {@code fallback} when the key is absent. */
    String textOr(String fallback) {
        return isAbsent() ? fallback : text();
    }

    /** {@code true} or {@code false}, written as YAML booleans or (after interpolation) as strings. */
    boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType("true or false");
    }

    boolean boolOr(boolean fallback) {
        return isAbsent() ? fallback : bool();
    }

    /** A whole number, at least {@code min}. */
    int integer(int min) {
        String text = text();
        if (!text.matches("-?\\d{1,9}") || Integer.parseInt(text) < min) {
            throw invalid("is not a whole number of at least " + min);
        }
        return Integer.parseInt(text);
    }

    /** The entries of a list, each with its index in the path. */
    List<Node> list() {
        if (!(value instanceof List<?> items)) {
            throw wrongType("a list");
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new Node(service, path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    /** A list, or one string taken as a list of one: for keys such as {@code env_file} and {@code tmpfs}. */
    List<Node> listOrSingle() {
        return value instanceof List ? list() : List.of(this);
    }

    /** The entries of a map, in file order, each with its key in the path. */
    Map<String, Node> map() {
        if (!(value instanceof Map<?, ?> entries)) {
            throw wrongType("a map");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        entries.forEach((key, item) -> nodes.put(String.valueOf(key), new Node(service, path + "." + key, item)));
        return nodes;
    }

    /** The map, checked to hold only {@code known} keys. */
    Map<String, Node> map(Set<String> known) {
        Map<String, Node> entries = map();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw entry.getValue()
                        .fail("this key is not supported; the keys of " + path + " are "
                                + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        return entries;
    }

    /** A map of names to values, or a list of {@code NAME=value} (for {@code labels}, {@code build.args}). */
    Map<String, String> keyValues(Function<String, String> withoutValue) {
        Map<String, String> result = new LinkedHashMap<>();
        if (isMap()) {
            map().forEach((name, item) -> {
                String text = item.isAbsent() ? withoutValue.apply(name) : item.text();
                if (text != null) {
                    result.put(name, text);
                }
            });
            return result;
        }
        if (!isList()) {
            throw wrongType("a map or a list of NAME=value");
        }
        for (Node item : list()) {
            String entry = item.text();
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            if (name.isBlank()) {
                throw item.invalid("has no name before '='. Write NAME=value");
            }
            String text = equals < 0 ? withoutValue.apply(name) : entry.substring(equals + 1);
            if (text != null) {
                result.put(name, text);
            }
        }
        return result;
    }

    /** Reads the text with {@code parser}, whose {@link IllegalArgumentException} becomes a failure with its reason. */
    <T> T parse(Function<String, T> parser) {
        String text = text();
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure(where() + ": '" + text + "' is not valid: " + e.getMessage() + ".", e);
        }
    }

    /** A failure about this value: {@code <where>: '<value>' <problem>.} */
    BuildFailure invalid(String problem) {
        return new BuildFailure(where() + ": '" + shown() + "' " + problem + ".");
    }

    /** A failure about this key, whatever its value: {@code <where>: <problem>} */
    BuildFailure fail(String problem) {
        return new BuildFailure(where() + ": " + problem);
    }

    /** A failure about {@code service} as a whole: {@code compose.yaml, service 'web': <problem>} */
    static BuildFailure fail(ComposeService service, String problem) {
        return new BuildFailure(service.file() + ", service '" + service.name() + "': " + problem);
    }

    private BuildFailure wrongType(String expected) {
        String fix = " See the compose specification for the forms of '" + path.replaceAll("\\[\\d+]$", "") + "'.";
        if (value == null || value instanceof List || value instanceof Map) {
            return fail("must be " + expected + ", not " + kind() + " (" + shown() + ")." + fix);
        }
        return fail("'" + shown() + "' is not " + expected + "." + fix);
    }

    /** {@code compose.yaml, service 'web', ports[1]}: what the user looks for. */
    String where() {
        return service.file() + ", service '" + service.name() + "', " + path;
    }

    private String kind() {
        if (value == null) {
            return "empty";
        }
        return value instanceof List ? "a list" : value instanceof Map ? "a map" : "a single value";
    }

    private String shown() {
        return String.valueOf(value);
    }
}

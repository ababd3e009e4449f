package io.github.dockmaven.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Merges compose files as {@code docker compose -f a -f b} does (the merge section of the compose specification):
 * mappings key by key, the later value winning for scalars, lists appended; {@code command}, {@code entrypoint} and
 * {@code healthcheck.test} replaced; {@code environment}, {@code labels}, {@code extra_hosts} and {@code build.args}
 * merged as mappings by name; {@code ports}, {@code volumes} (by target), {@code env_file} and the other lists whose
 * entries compose keeps unique appended without repeating an entry; {@code depends_on} and {@code networks} merged as
 * mappings by name. A value given as {@code null} in a later file leaves the earlier one as it was; {@code !reset}
 * removes it and {@code !override} replaces it whole ({@link MergeTags}).
 */
final class ComposeMerge {

    /** How the values at one path of the tree merge. */
    private interface Rule {
        Object merge(Object base, Object override, List<String> path);
    }

    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");

    private static final Map<String, Rule> RULES = rules();

    private ComposeMerge() {}

    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        Rule replace = (base, override, path) -> MergeTags.applied(override);
        rules.put("services.*.command", replace);
        rules.put("services.*.entrypoint", replace);
        rules.put("services.*.healthcheck.test", replace);
        Rule assignments = byName(ComposeMerge::assignment);
        for (String path : List.of(
                "services.*.environment",
                "services.*.labels",
                "services.*.build.args",
                "services.*.build.labels",
                "volumes.*.labels",
                "networks.*.labels")) {
            rules.put(path, assignments);
        }
        rules.put("services.*.extra_hosts", byName(ComposeMerge::host));
        rules.put("services.*.build", (base, override, path) -> mergeMaps(build(base), build(override), path));
        // depends_on: [db] is depends_on: {db: {condition: service_started}}; networks: [back] is {back: null}.
        rules.put(
                "services.*.depends_on",
                byName((map, service) -> map.put(service, Map.of("condition", "service_started"))));
        rules.put("services.*.networks", byName((map, network) -> map.put(network, null)));
        Function<Object, Object> itself = Function.identity();
        for (String key : List.of("expose", "tmpfs", "cap_add", "cap_drop", "profiles")) {
            rules.put("services.*." + key, new Unique(itself));
        }
        rules.put("services.*.networks.*.aliases", new Unique(itself));
        rules.put("services.*.ports", new Unique(ComposeMerge::portKey));
        rules.put("services.*.volumes", new Unique(ComposeMerge::volumeTarget));
        rules.put("services.*.env_file", new Unique(entry -> entry instanceof Map<?, ?> map ? map.get("path") : entry));
        return rules;
    }

    /** The later document merged into the earlier one; neither is changed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        return (Map<String, Object>) merge(base, override, List.of());
    }

    private static Object merge(Object base, Object override, List<String> path) {
        if (override == null) {
            return base;
        }
        if (base == null || override instanceof MergeTags.Override) {
            return MergeTags.applied(override);
        }
        Rule rule = rule(path);
        if (rule != null) {
            return rule.merge(base, override, path);
        }
        if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
            return mergeMaps(baseMap, overrideMap, path);
        }
        if (base instanceof List<?> baseList && override instanceof List<?> overrideList) {
            List<Object> merged = new ArrayList<>(baseList);
            merged.addAll(list(MergeTags.applied(overrideList)));
            return merged;
        }
        return MergeTags.applied(override);
    }

    private static Map<String, Object> mergeMaps(Map<?, ?> base, Map<?, ?> override, List<String> path) {
        Map<String, Object> merged = new LinkedHashMap<>();
        base.forEach((key, value) -> merged.put((String) key, value));
        override.forEach((key, value) -> {
            if (value instanceof MergeTags.Reset) {
                merged.remove(key);
            } else {
                merged.put(
                        (String) key,
                        merged.containsKey(key)
                                ? merge(merged.get(key), value, child(path, (String) key))
                                : MergeTags.applied(value));
            }
        });
        return merged;
    }

    private static List<String> child(List<String> path, String key) {
        List<String> child = new ArrayList<>(path);
        child.add(key);
        return child;
    }

    /** The rule whose pattern ({@code services.*.ports}) matches the path key by key; a name may hold dots. */
    private static Rule rule(List<String> path) {
        for (Map.Entry<String, Rule> rule : RULES.entrySet()) {
            String[] pattern = rule.getKey().split("\\.");
            if (matches(pattern, path)) {
                return rule.getValue();
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, List<String> path) {
        if (pattern.length != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the entries of the later list; an entry with the key of an earlier one replaces it where it stood.
     * A single value counts as a list of one, as compose allows for {@code tmpfs} and {@code env_file}.
     */
    private record Unique(Function<Object, Object> key) implements Rule {

        @Override
        public Object merge(Object base, Object override, List<String> path) {
            Map<Object, Object> byKey = new LinkedHashMap<>();
            for (Object entry : list(base)) {
                byKey.put(String.valueOf(key.apply(entry)), entry);
            }
            for (Object entry : list(MergeTags.applied(override))) {
                byKey.put(String.valueOf(key.apply(entry)), entry);
            }
            return new ArrayList<>(byKey.values());
        }
    }

    /**
     * The merged document with the lists whose entries compose keeps unique made so, as compose does even for a
     * single file: of two volumes on one target, or the same port twice, the later stays where the first stood.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> uniqueLists(Map<String, Object> document) {
        return (Map<String, Object>) uniqueLists(document, List.of());
    }

    private static Object uniqueLists(Object value, List<String> path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> unique = new LinkedHashMap<>();
            map.forEach((key, entry) -> unique.put((String) key, uniqueLists(entry, child(path, (String) key))));
            return unique;
        }
        if (value instanceof List<?> && rule(path) instanceof Unique unique) {
            return unique.merge(List.of(), value, path);
        }
        return value;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /**
     * Merges two values as mappings by name; a list (or a single value) is first made a mapping entry by entry, as
     * {@code add} reads each.
     */
    private static Rule byName(BiConsumer<Map<String, Object>, String> add) {
        return (base, override, path) -> mergeMaps(byName(base, add), byName(override, add), path);
    }

    private static Map<?, ?> byName(Object value, BiConsumer<Map<String, Object>, String> add) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object entry : list(MergeTags.applied(value))) {
            add.accept(map, String.valueOf(entry));
        }
        return map;
    }

    /** {@code NAME=value} of {@code environment}, {@code labels} and {@code args}; {@code NAME} alone has no value. */
    private static void assignment(Map<String, Object> map, String assignment) {
        int equals = assignment.indexOf('=');
        map.put(
                equals < 0 ? assignment : assignment.substring(0, equals),
                equals < 0 ? null : assignment.substring(equals + 1));
    }

    /**
     * {@code host=address} or {@code host:address} of {@code extra_hosts} (split at the first colon, since an IPv6
     * address has more); a host listed twice keeps both addresses.
     */
    private static void host(Map<String, Object> map, String host) {
        int separator = host.indexOf('=') >= 0 ? host.indexOf('=') : host.indexOf(':');
        String name = separator < 0 ? host : host.substring(0, separator);
        String address = separator < 0 ? "" : host.substring(separator + 1);
        map.merge(name, address, (earlier, later) -> {
            List<Object> addresses = new ArrayList<>(list(earlier));
            addresses.add(later);
            return addresses;
        });
    }

    /** {@code build: ./dir} is {@code build: {context: ./dir}}. */
    private static Map<?, ?> build(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of("context", value);
    }

    /** What makes a port entry unique for compose: the short form itself, or the long form's address and ports. */
    private static Object portKey(Object entry) {
        if (entry instanceof Map<?, ?> port) {
            return port.get("host_ip") + ":" + port.get("published") + ":" + port.get("target") + "/"
                    + (port.get("protocol") == null ? "tcp" : port.get("protocol"));
        }
        return entry;
    }

    /** The path inside the container: {@code target} of the long form, the part after the source in the short. */
    private static Object volumeTarget(Object entry) {
        if (entry instanceof Map<?, ?> volume) {
            return volume.get("target");
        }
        String volume = String.valueOf(entry);
        // A Windows source (C:\data) has a colon of its own before the one that separates it from the target.
        int sourceEnd = DRIVE.matcher(volume).matches() ? volume.indexOf(':', 2) : volume.indexOf(':');
        if (sourceEnd < 0) {
            return volume;
        }
        int targetEnd = volume.indexOf(':', sourceEnd + 1);
        return targetEnd < 0 ? volume.substring(sourceEnd + 1) : volume.substring(sourceEnd + 1, targetEnd);
    }
}

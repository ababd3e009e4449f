package io.github.dockmaven.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds a cycle among dependencies, for a message that names it: {@code a -> b -> a}. */
public final class DependencyCycle {

    private DependencyCycle() {}

    /**
     * The first cycle in {@code dependencies}, from and back to the same name, or an empty list when there is none.
     *
     * @param dependencies each name with the names it depends on; a name that is not a key has no dependencies
     */
    public static List<String> find(Map<String, ? extends Collection<String>> dependencies) {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String name : dependencies.keySet()) {
            List<String> cycle = visit(name, dependencies, state, new ArrayList<>());
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    // state: 1 = on the current path, 2 = done
    private static List<String> visit(
            String name,
            Map<String, ? extends Collection<String>> dependencies,
            Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return cycle;
        }
        state.put(name, 1);
        path.add(name);
        Collection<String> next = dependencies.get(name);
        for (String dependency : next == null ? List.<String>of() : next) {
            List<String> cycle = visit(dependency, dependencies, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return List.of();
    }
}

package io.github.dockmaven.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The containers of one execution in dependency order: checked for unknown aliases and cycles, filterable by alias,
 * and grouped into levels (a level depends only on earlier levels).
 */
public final class Plan {

    private final Map<String, ContainerSpec> byAlias;
    private final List<List<ContainerSpec>> levels;

    private Plan(Map<String, ContainerSpec> byAlias) {
        this.byAlias = byAlias;
        this.levels = computeLevels(byAlias);
    }

    /** Checks the dependencies of {@code specs}; throws {@link BuildFailure} naming an unknown alias or a cycle. */
    public static Plan of(List<ContainerSpec> specs) {
        Map<String, ContainerSpec> byAlias = new LinkedHashMap<>();
        for (ContainerSpec spec : specs) {
            if (byAlias.put(spec.alias(), spec) != null) {
                throw new BuildFailure("Two <container> elements have the alias '" + spec.alias()
                        + "'. Aliases must be unique: rename one of them.");
            }
        }
        for (ContainerSpec spec : specs) {
            for (String dep : spec.dependsOn()) {
                if (!byAlias.containsKey(dep)) {
                    throw new BuildFailure("Container " + spec.describe() + " has <dependsOn><alias>" + dep
                            + "</alias></dependsOn>, but no container has the alias '" + dep + "'. Known aliases: "
                            + String.join(", ", byAlias.keySet()) + ".");
                }
                if (dep.equals(spec.alias())) {
                    throw new BuildFailure("Container " + spec.describe()
                            + " depends on itself in <dependsOn>; remove '" + dep + "' from its list.");
                }
            }
        }
        checkOneBuildPerImage(specs);
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        byAlias.forEach((alias, spec) -> dependencies.put(alias, spec.dependsOn()));
        List<String> cycle = DependencyCycle.find(dependencies);
        if (!cycle.isEmpty()) {
            throw new BuildFailure("The <dependsOn> elements form a cycle: " + String.join(" -> ", cycle)
                    + ". Remove one of these dependencies.");
        }
        return new Plan(byAlias);
    }

    /**
     * Containers of one image share it: where several build it, they must build it the same way, or which build the
     * tag ends up with would depend on which ran first.
     */
    private static void checkOneBuildPerImage(List<ContainerSpec> specs) {
        Map<String, ContainerSpec> builder = new LinkedHashMap<>();
        for (ContainerSpec spec : specs) {
            if (!spec.isBuilt()) {
                continue;
            }
            ContainerSpec first = builder.putIfAbsent(spec.image(), spec);
            if (first != null && !first.build().equals(spec.build())) {
                throw new BuildFailure("Containers '" + first.alias() + "' and '" + spec.alias()
                        + "' both build the image '" + spec.image() + "', from different <build> elements. Give"
                        + " one of them another <image> tag, or the same <build>.");
            }
        }
    }

    /**
     * The plan restricted to {@code aliases} and everything they depend on, transitively. Throws {@link BuildFailure}
     * for an alias that is not configured.
     */
    public Plan filter(Collection<String> aliases) {
        Set<String> keep = new LinkedHashSet<>();
        for (String alias : aliases) {
            if (!byAlias.containsKey(alias)) {
                throw new BuildFailure("dock.filter names '" + alias + "', but no container has that alias. Known"
                        + " aliases: " + String.join(", ", byAlias.keySet()) + ".");
            }
            addWithDependencies(alias, keep);
        }
        Map<String, ContainerSpec> filtered = new LinkedHashMap<>();
        byAlias.forEach((alias, spec) -> {
            if (keep.contains(alias)) {
                filtered.put(alias, spec);
            }
        });
        return new Plan(filtered);
    }

    private void addWithDependencies(String alias, Set<String> into) {
        if (into.add(alias)) {
            byAlias.get(alias).dependsOn().forEach(dep -> addWithDependencies(dep, into));
        }
    }

    /** The containers in configuration order. */
    public List<ContainerSpec> containers() {
        return List.copyOf(byAlias.values());
    }

    /** Levels: each container's dependencies all lie in earlier levels. */
    public List<List<ContainerSpec>> levels() {
        return levels;
    }

    public ContainerSpec get(String alias) {
        return byAlias.get(alias);
    }

    public boolean isEmpty() {
        return byAlias.isEmpty();
    }

    /**
     * Whether the build gets a network of its own. It is for containers that find each other by alias: a container
     * alone on it would have nobody to be found by, and a network costs the engine ~0.4s per build (created, joined,
     * removed), so a lone container runs on the engine's default network instead, as a plain `docker run` would.
     */
    public boolean needsBuildNetwork() {
        return byAlias.values().stream().filter(ContainerSpec::usesBuildNetwork).count() >= 2;
    }

    /**
     * Whether everything a start of this plan creates outlives the build: reused containers only, without a network of
     * the build or volumes of their own. Nothing of such a start is for a shutdown hook or a watchdog to remove.
     */
    public boolean createsOnlyWhatOutlivesTheBuild() {
        return !isEmpty()
                && !needsBuildNetwork()
                && byAlias.values().stream()
                        .allMatch(
                                spec -> spec.reuse() && spec.volumes().stream().noneMatch(VolumeMount::isOwn));
    }

    private static List<List<ContainerSpec>> computeLevels(Map<String, ContainerSpec> byAlias) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (String alias : byAlias.keySet()) {
            depthOf(alias, byAlias, depth);
        }
        int max = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<List<ContainerSpec>> levels = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            int level = i;
            levels.add(byAlias.values().stream()
                    .filter(s -> depth.get(s.alias()) == level)
                    .collect(Collectors.toUnmodifiableList()));
        }
        return List.copyOf(levels);
    }

    private static int depthOf(String alias, Map<String, ContainerSpec> byAlias, Map<String, Integer> depth) {
        Integer known = depth.get(alias);
        if (known != null) {
            return known;
        }
        int d = 0;
        for (String dep : byAlias.get(alias).dependsOn()) {
            if (byAlias.containsKey(dep)) {
                d = Math.max(d, depthOf(dep, byAlias, depth) + 1);
            }
        }
        depth.put(alias, d);
        return d;
    }
}

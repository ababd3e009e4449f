package io.github.dockmaven.compose;

import io.github.dockmaven.compose.DependsOn.Dependency;
import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.DependencyCycle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services run, as compose decides: those without {@code profiles} and those with an active profile; when
 * services are named, only those (even with an inactive profile, as {@code docker compose up <service>} runs them)
 * plus, transitively, what they depend on. Checks every {@code depends_on} and that none forms a cycle.
 */
final class ServiceSelection {

    /**
     * A service that runs.
     *
     * @param service the service
     * @param dependsOn its dependencies that run, by name
     */
    record Selected(ComposeService service, Map<String, Dependency> dependsOn) {}

    private final ComposeModel model;
    private final Set<String> profiles;
    private final boolean named;

    private ServiceSelection(ComposeModel model, List<String> profiles, boolean named) {
        this.model = model;
        this.profiles = new LinkedHashSet<>(profiles);
        this.named = named;
    }

    /** The services that run, in file order. */
    static List<Selected> select(ComposeModel model, List<String> profiles, List<String> services) {
        return new ServiceSelection(model, profiles, !services.isEmpty()).select(services);
    }

    private List<Selected> select(List<String> names) {
        checkProfiles();
        for (String name : names) {
            if (!model.services().containsKey(name)) {
                throw new BuildFailure(
                        "The service '" + name + "' in <services> is not in " + files() + ". Services there: "
                                + String.join(", ", model.services().keySet()) + ".");
            }
        }
        Deque<String> todo = new ArrayDeque<>(
                named
                        ? names
                        : model.services().keySet().stream()
                                .filter(this::enabled)
                                .toList());
        Map<String, Map<String, Dependency>> selected = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!selected.containsKey(name)) {
                Map<String, Dependency> dependencies =
                        dependencies(model.services().get(name));
                selected.put(name, dependencies);
                todo.addAll(dependencies.keySet());
            }
        }
        List<Selected> result = new ArrayList<>();
        model.services().forEach((name, service) -> {
            if (selected.containsKey(name)) {
                result.add(new Selected(service, selected.get(name)));
            }
        });
        checkCycles(result);
        return result;
    }

    /** The dependencies of {@code service} that run; fails for one that does not exist or does not run. */
    private Map<String, Dependency> dependencies(ComposeService service) {
        Map<String, Dependency> running = new LinkedHashMap<>();
        DependsOn.of(service).forEach((name, dependency) -> {
            ComposeService target = model.services().get(name);
            if (target != null && (named || enabled(target.name()))) {
                running.put(name, dependency);
            } else if (dependency.required()) {
                throw target == null
                        ? dependency
                                .node()
                                .fail("names the service '" + name + "', which is not in " + files()
                                        + ". Services there: "
                                        + String.join(", ", model.services().keySet())
                                        + ". Fix the name, or remove it from depends_on.")
                        : dependency
                                .node()
                                .fail("names the service '" + name + "', which runs only with the profile "
                                        + String.join(" or ", profilesOf(target)) + ", and none is active. Add it to"
                                        + " <profiles>, or set required: false on this dependency.");
            }
        });
        return running;
    }

    private void checkProfiles() {
        Set<String> known = new LinkedHashSet<>();
        model.services().values().forEach(service -> known.addAll(profilesOf(service)));
        for (String profile : profiles) {
            if (!known.contains(profile)) {
                throw new BuildFailure("The profile '" + profile + "' in <profiles> enables no service of " + files()
                        + ". Profiles there: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ".");
            }
        }
    }

    private boolean enabled(String name) {
        List<String> own = profilesOf(model.services().get(name));
        return own.isEmpty() || own.stream().anyMatch(profiles::contains);
    }

    private static List<String> profilesOf(ComposeService service) {
        Node node = Node.of(service, "profiles");
        return node.isAbsent()
                ? List.of()
                : node.list().stream().map(Node::text).toList();
    }

    private String files() {
        Set<String> files = new LinkedHashSet<>();
        model.services().values().forEach(service -> files.add(service.file().toString()));
        return files.isEmpty() ? "the compose files" : String.join(", ", files);
    }

    /** Fails naming the first cycle among the {@code depends_on} of {@code services}. */
    private static void checkCycles(List<Selected> services) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        services.forEach(s -> dependencies.put(s.service().name(), s.dependsOn().keySet()));
        List<String> cycle = DependencyCycle.find(dependencies);
        if (!cycle.isEmpty()) {
            ComposeService first = services.stream()
                    .map(Selected::service)
                    .filter(s -> s.name().equals(cycle.get(0)))
                    .findFirst()
                    .orElseThrow();
            throw Node.of(first, "depends_on")
                    .fail("forms a cycle: " + String.join(" -> ", cycle) + ". A service cannot wait for one that"
                            + " waits for it; remove one of these depends_on entries.");
        }
    }
}

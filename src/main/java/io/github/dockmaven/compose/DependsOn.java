package io.github.dockmaven.compose;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code depends_on}: a list of names (each {@code service_started}), or a map of names to {@code
 * condition}, {@code required} and {@code restart}. {@code restart} has no effect here: a test run never restarts a
 * dependency. {@code required: false} lets the service run without that dependency when it does not run.
 */
final class DependsOn {

    /** What a dependent waits for. */
    enum Condition {
        SERVICE_STARTED,
        SERVICE_HEALTHY,
        SERVICE_COMPLETED_SUCCESSFULLY;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One dependency.
     *
     * @param condition what the dependent waits for
     * @param required whether the dependent cannot run without it
     * @param node where it is written, for messages
     */
    record Dependency(Condition condition, boolean required, Node node) {}

    private static final Set<String> KEYS = Set.of("condition", "required", "restart");

    private DependsOn() {}

    /** The dependencies of {@code service} by name, in file order. */
    static Map<String, Dependency> of(ComposeService service) {
        Node node = Node.of(service, "depends_on");
        Map<String, Dependency> dependencies = new LinkedHashMap<>();
        if (node.isAbsent()) {
            return dependencies;
        }
        if (node.isList()) {
            node.list()
                    .forEach(item ->
                            dependencies.put(item.text(), new Dependency(Condition.SERVICE_STARTED, true, item)));
            return dependencies;
        }
        node.map().forEach((name, entry) -> {
            if (entry.isAbsent()) {
                dependencies.put(name, new Dependency(Condition.SERVICE_STARTED, true, entry));
                return;
            }
            entry.map(KEYS);
            entry.get("restart").boolOr(false);
            dependencies.put(
                    name,
                    new Dependency(
                            condition(entry.get("condition")),
                            entry.get("required").boolOr(true),
                            entry));
        });
        return dependencies;
    }

    private static Condition condition(Node node) {
        if (node.isAbsent()) {
            return Condition.SERVICE_STARTED;
        }
        for (Condition condition : Condition.values()) {
            if (condition.key().equals(node.text())) {
                return condition;
            }
        }
        throw node.invalid(
                "is not a condition; use service_started, service_healthy or" + " service_completed_successfully");
    }
}

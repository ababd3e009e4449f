package io.github.dockmaven.compose;

import io.github.dockmaven.core.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code networks} (a list of names, or a map of names to {@code aliases}), checked against the top-level
 * {@code networks}.
 *
 * <p>Every network declared without {@code external: true} means the build's own network: one network per build keeps
 * parallel builds apart, and services of one compose project find each other on it by name anyway. An external
 * network is joined by its real name ({@code name:}, else its key) and never created nor removed. A service without
 * {@code networks} is on {@code default}, which is the build's network unless the top level declares it external.
 * Aliases apply on every network the service joins.
 */
final class Networks {

    private static final String DEFAULT = "default";
    private static final Set<String> SERVICE_KEYS = Set.of("aliases");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("external", "name", "driver", "labels", "attachable");

    /**
     * The networks of one service.
     *
     * @param networks as {@link ContainerSpec#networks()} takes them: empty for the build's network alone
     * @param aliases more DNS names of the service, from {@code aliases}
     */
    record Joined(List<String> networks, List<String> aliases) {}

    private Networks() {}

    static Joined of(ComposeModel model, ComposeService service) {
        Node networks = Node.of(service, "networks");
        Map<String, Node> entries = new LinkedHashMap<>();
        if (networks.isAbsent()) {
            entries.put(DEFAULT, Node.at(service, "networks." + DEFAULT, null));
        } else if (networks.isList()) {
            networks.list().forEach(item -> entries.put(item.text(), Node.at(service, item.path(), null)));
        } else {
            entries.putAll(networks.map());
        }
        List<String> joined = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String network = realName(model, service, entry.getKey(), entry.getValue());
            if (!joined.contains(network)) {
                joined.add(network);
            }
            Node settings = entry.getValue();
            if (!settings.isAbsent()) {
                settings.map(SERVICE_KEYS);
                Node list = settings.get("aliases");
                if (!list.isAbsent()) {
                    list.list().stream()
                            .map(Node::text)
                            .filter(a -> !aliases.contains(a))
                            .forEach(aliases::add);
                }
            }
        }
        return new Joined(joined.equals(List.of(ContainerSpec.BUILD_NETWORK)) ? List.of() : joined, aliases);
    }

    /** The engine's name of network {@code name}: the build's network, or an external network's real name. */
    private static String realName(ComposeModel model, ComposeService service, String name, Node use) {
        Map<String, Object> declaration = model.networks().get(name);
        if (declaration == null) {
            if (name.equals(DEFAULT)) {
                return ContainerSpec.BUILD_NETWORK;
            }
            throw use.fail("names the network '" + name + "', which the top-level networks do not declare. Declare"
                    + " it (networks: {" + name + ": {}}), or add external: true there for an existing network.");
        }
        Node declared = Node.at(service, "top-level networks." + name, declaration);
        declared.map(TOP_LEVEL_KEYS);
        Node driver = declared.get("driver");
        if (!driver.isAbsent() && !driver.text().equals("bridge")) {
            throw driver.invalid("is not supported: the build's own network is a bridge network; declare an existing"
                    + " network with external: true to use another driver");
        }
        if (declared.get("external").boolOr(false)) {
            return declared.get("name").textOr(name);
        }
        return ContainerSpec.BUILD_NETWORK;
    }
}

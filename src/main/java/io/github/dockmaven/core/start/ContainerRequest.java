package io.github.dockmaven.core.start;

import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the engine is asked to create for a spec: attached to the build's network or others, its volumes named. */
final class ContainerRequest {

    private static final String DEFAULT_BRIDGE = "bridge";

    private final BuildResources resources;

    ContainerRequest(BuildResources resources) {
        this.resources = resources;
    }

    /** The request to create {@code spec} as {@code name}, with these labels. */
    ContainerCreate of(ContainerSpec spec, String name, Map<String, String> labels) {
        String networkName = resources.networkName();
        Map<String, List<String>> networks = new LinkedHashMap<>();
        String networkMode = null;
        if (spec.networks().isEmpty()) {
            if (networkName != null) {
                networks.put(networkName, dnsNames(spec));
            }
        } else if (spec.networks().size() == 1
                && (spec.networks().get(0).equals("host")
                        || spec.networks().get(0).equals("none"))) {
            networkMode = spec.networks().get(0);
        } else {
            for (String network : spec.networks()) {
                if (!network.equals(ContainerSpec.BUILD_NETWORK)) {
                    // Docker refuses aliases on its default network ("network-scoped alias is supported only for
                    // containers in user defined networks"): a container joins 'bridge' without one.
                    networks.put(network, network.equals(DEFAULT_BRIDGE) ? List.of() : dnsNames(spec));
                } else if (networkName != null) {
                    networks.put(networkName, dnsNames(spec));
                }
            }
        }
        List<String> binds = spec.volumes().stream()
                .map(v -> v.isOwn()
                        ? new VolumeMount(true, resources.volumeName(v.source()), v.target(), v.readOnly())
                        : v)
                .map(VolumeMount::bind)
                .toList();
        return new ContainerCreate(
                name,
                spec.image(),
                spec.command(),
                spec.entrypoint(),
                spec.env(),
                labels,
                spec.ports(),
                binds,
                networks,
                networkMode,
                spec.options());
    }

    /** The names other containers find it by on a network: its alias, then its {@code <networkAliases>}. */
    private static List<String> dnsNames(ContainerSpec spec) {
        List<String> names = new ArrayList<>();
        names.add(spec.alias());
        names.addAll(spec.options().networkAliases());
        return List.copyOf(names);
    }
}

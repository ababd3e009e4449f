package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.StopHooks;
import io.github.dockmaven.core.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates the container, labelled and attached as its spec says, and records it; fails when its name is taken. */
final class CreateContainer implements ContainerStep {

    private static final String DEFAULT_BRIDGE = "bridge";

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final RunRecord record;
    private final ConflictHints hints;
    /** The build's network, or null when the build has none. */
    private final String networkName;

    CreateContainer(
            Engine engine, Console console, Scope scope, RunRecord record, ConflictHints hints, String networkName) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.record = record;
        this.hints = hints;
        this.networkName = networkName;
    }

    @Override
    public void run(Starting container) {
        ContainerSpec spec = container.spec;
        String name = spec.name() != null ? spec.name() : scope.name(spec.alias());
        console.debug("Creating '" + spec.alias() + "' as " + name);
        String id;
        try {
            id = engine.createContainer(request(spec, name));
        } catch (EngineException.NameInUse e) {
            throw new BuildFailure(
                    "Container " + spec.describe() + " cannot be created: the name '" + name + "' is already in use"
                            + hints.holderOf(name),
                    e);
        }
        container.created = new Started(
                spec.alias(),
                spec.image(),
                id,
                name,
                Map.of(),
                "",
                spec.stopMode(),
                spec.stopTimeout(),
                spec.dependsOn(),
                StopHooks.NONE);
        record.addContainer(container.created);
    }

    private ContainerCreate request(ContainerSpec spec, String name) {
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
                        ? new VolumeMount(true, BuildResources.volumeName(scope, v.source()), v.target(), v.readOnly())
                        : v)
                .map(VolumeMount::bind)
                .toList();
        return new ContainerCreate(
                name,
                spec.image(),
                spec.command(),
                spec.entrypoint(),
                spec.env(),
                labels(spec),
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

    private Map<String, String> labels(ContainerSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(scope.labels());
        labels.putAll(Labels.of(spec));
        return labels;
    }
}

package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.VolumeMount;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The network and named volumes a start creates for its containers to share, each recorded as soon as it exists.
 *
 * <p>What a reused container uses outlives the build with it: when one joins the build's network, that network is the
 * one the builds of the project share (so the containers of later builds find it by its alias), and its named volumes
 * are shared alike. Those are labelled {@link Labels#MODE_REUSED}, never recorded (so {@code stop} leaves them), and
 * removed by {@code dock:remove}.
 */
final class BuildResources {

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final RunRecord record;
    /** The build's network, or null when the build has none. */
    private final String networkName;

    private final boolean sharedNetwork;
    /** The {@code <volumes>} names a reused container mounts. */
    private final Set<String> sharedVolumes;

    /**
     * @param network whether the build has a network of its own
     */
    BuildResources(Engine engine, Console console, Scope scope, RunRecord record, Plan plan, boolean network) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.record = record;
        this.sharedNetwork = plan.containers().stream().anyMatch(spec -> spec.reuse() && spec.usesBuildNetwork());
        this.networkName = !network ? null : sharedNetwork ? scope.sharedName("net") : scope.name("net");
        this.sharedVolumes = plan.containers().stream()
                .filter(ContainerSpec::reuse)
                .flatMap(spec -> spec.volumes().stream())
                .filter(VolumeMount::isOwn)
                .map(VolumeMount::source)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The name of the build's network, or null when the build has none. */
    String networkName() {
        return networkName;
    }

    /** The engine's name of the named volume {@code name} of {@code <volumes>}. */
    String volumeName(String name) {
        return sharedVolumes.contains(name) ? scope.sharedName("vol-" + name) : scope.name("vol-" + name);
    }

    void createNetwork() {
        if (!sharedNetwork) {
            engine.createNetwork(networkName, scope.labels());
            record.addNetwork(networkName);
            console.debug("Created network " + networkName);
            return;
        }
        boolean exists = engine.listNetworks(Labels.ofProject(scope.project())).stream()
                .anyMatch(network -> network.name().equals(networkName));
        if (exists) {
            console.debug("Joining network " + networkName + ", kept for reused containers");
            return;
        }
        try {
            engine.createNetwork(networkName, scope.reused().labels());
            console.debug("Created network " + networkName + ", kept for reused containers");
        } catch (EngineException.Conflict createdMeanwhile) {
            console.debug("Joining network " + networkName + ", created meanwhile by another build");
        }
    }

    /** Creates the named volume {@code name}, unless it exists already (then it is not this start's to remove). */
    void createVolume(String name) {
        String actual = volumeName(name);
        if (sharedVolumes.contains(name)) {
            engine.createVolume(actual, scope.reused().labels());
        } else if (engine.createVolume(actual, scope.labels())) {
            record.addVolume(actual);
        }
    }
}

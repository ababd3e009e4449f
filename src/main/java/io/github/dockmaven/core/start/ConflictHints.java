package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Owners;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.Scope;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds what a container needs, and how to free it: the end of the messages about a container name or a host port
 * in use. Asked only after the engine refused, so it costs nothing on the way to a container that starts.
 */
final class ConflictHints {

    private final Engine engine;
    private final Console console;
    private final Scope scope;

    ConflictHints(Engine engine, Console console, Scope scope) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
    }

    /** Who holds the container name {@code name}, and how to free it. */
    String holderOf(String name) {
        Optional<ContainerInfo> holder;
        try {
            holder = engine.inspect(name);
        } catch (EngineException e) {
            holder = Optional.empty();
        }
        if (holder.isEmpty()) {
            return ". Choose another <name>, or remove that container.";
        }
        String by = " by container " + holder.get().shortId();
        Holder owner = Holder.of(holder.get().labels());
        if (owner.project() == null) {
            return by + ", which was not created by this plugin. Choose another <name>, or remove that container.";
        }
        if (owner.session().equals(scope.session())) {
            return by + ", which this build started for " + owner.project() + " (execution " + owner.execution()
                    + "). Give each container its own <name>.";
        }
        String build = "for " + owner.project() + " in build "
                + owner.session().substring(0, Math.min(8, owner.session().length()))
                + (owner.process() == null ? "" : " (Maven process " + owner.process() + ")");
        if (owner.fromCommandLine()) {
            return by + ", which mvn dock:run started " + build + " and left running. Choose another <name>, or"
                    + " remove that container with mvn dock:stop.";
        }
        if (owner.alive()) {
            return by + ", which dock:run started " + build + ", a build still running. Choose another <name>, or"
                    + " let that build finish first.";
        }
        return by + ", which dock:run started " + build + ", a build that ended without removing it. Choose another"
                + " <name>, or remove that container with mvn dock:remove.";
    }

    /** Which running container publishes a fixed host port of {@code spec}, or empty when none does. */
    String portOwner(ContainerSpec spec) {
        try {
            for (PortMapping port : spec.ports()) {
                if (port.hostPort() == null) {
                    continue;
                }
                for (ContainerInfo other : engine.listContainers(Map.of())) {
                    if (other.ports().containsValue(port.hostPort())
                            && other.status().isRunning()) {
                        String project = other.labels().get(Labels.PROJECT);
                        return "; host port " + port.hostPort() + " is published by container " + other.name() + " ("
                                + other.shortId() + (project == null ? "" : ", of " + project) + ")";
                    }
                }
            }
        } catch (EngineException e) {
            console.debug("Could not find who holds the port: " + e.getMessage());
        }
        return "";
    }

    /**
     * What the labels of a container that holds a name say about the build that created it.
     *
     * @param project the project that created it; null when this plugin did not
     * @param session the id of the Maven session that created it
     * @param execution the {@code run} execution that created it
     * @param process the Maven process that created it, or null
     * @param fromCommandLine whether {@code mvn dock:run} created it, to keep running after Maven exits
     * @param alive whether the Maven process that created it still runs
     */
    private record Holder(
            String project, String session, String execution, String process, boolean fromCommandLine, boolean alive) {

        static Holder of(Map<String, String> labels) {
            return new Holder(
                    labels.get(Labels.PROJECT),
                    labels.getOrDefault(Labels.SESSION, "?"),
                    labels.getOrDefault(Labels.EXECUTION, "?"),
                    labels.get(Labels.OWNER),
                    Labels.MODE_CLI.equals(labels.get(Labels.MODE)),
                    Owners.isAlive(labels));
        }
    }
}

package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.Scope;
import java.util.Map;
import java.util.Objects;
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
        Labels owner = new Labels(holder.get().labels());
        if (owner.project() == null) {
            return by + ", which was not created by this plugin. Choose another <name>, or remove that container.";
        }
        String session = Objects.requireNonNullElse(owner.session(), "?");
        if (owner.isOfSession(scope.session())) {
            return by + ", which this build started for " + owner.project() + " (execution "
                    + Objects.requireNonNullElse(owner.execution(), "?") + "). Give each container its own <name>.";
        }
        String build = "for " + owner.project() + " in build " + session.substring(0, Math.min(8, session.length()))
                + (owner.owner() == null ? "" : " (Maven process " + owner.owner() + ")");
        if (owner.isOfCommandLineRun()) {
            return by + ", which mvn dock:run started " + build + " and left running. Choose another <name>, or"
                    + " remove that container with mvn dock:stop.";
        }
        if (owner.isReused()) {
            return by + ", which dock:run started " + build + " and keeps for reuse (<reuse>). Build with"
                    + " -Ddock.reuse=true to use it again, or remove it with mvn dock:remove.";
        }
        if (owner.isOwnerAlive()) {
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
}

package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerLog;
import java.util.Optional;

/**
 * What a condition can look at: the container's state at this poll, its output so far, and where its ports are
 * published.
 *
 * @param container the container's state, inspected at this poll
 * @param log its output so far
 * @param host the host name under which its published ports are reached
 * @param routed whether the container's own address is reached from here (see {@link #containerAddress})
 */
public record Probe(ContainerInfo container, ContainerLog log, String host, boolean routed) {

    /** A probe of a container reached through its published ports only. */
    public Probe(ContainerInfo container, ContainerLog log, String host) {
        this(container, log, host, false);
    }

    /**
     * The container's address on one of its networks, where the engine routes it to this machine: connecting there
     * reaches the container itself, not the engine's port proxy, which accepts before anything listens.
     */
    public Optional<String> containerAddress() {
        if (!routed || container.ipAddresses() == null) {
            return Optional.empty();
        }
        return container.ipAddresses().values().stream()
                .filter(ip -> ip != null && !ip.isEmpty())
                .findFirst();
    }

    /** The host port published for a container TCP port, or -1. */
    public int hostPort(int containerPort) {
        Integer port = container.ports().get(containerPort + "/tcp");
        return port == null ? -1 : port;
    }
}

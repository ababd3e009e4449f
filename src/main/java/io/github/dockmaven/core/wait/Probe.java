package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerLog;

/**
 * What a condition can look at: the container's state at this poll, its output so far, and where its ports are
 * published.
 *
 * @param container the container's state, inspected at this poll
 * @param log its output so far
 * @param host the host name under which its published ports are reached
 */
public record Probe(ContainerInfo container, ContainerLog log, String host) {

    /** The host port published for a container TCP port, or -1. */
    public int hostPort(int containerPort) {
        Integer port = container.ports().get(containerPort + "/tcp");
        return port == null ? -1 : port;
    }
}

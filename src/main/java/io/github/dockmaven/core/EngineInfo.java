package io.github.dockmaven.core;

/**
 * What we know about the engine we talk to.
 *
 * @param endpoint the address we reached it at, e.g. {@code unix:///var/run/docker.sock}
 * @param source how the address was found, e.g. {@code DOCKER_HOST} or {@code context 'colima'}
 * @param portHost the host name under which published ports are reached from this machine
 * @param version the engine's version string
 * @param containersRouted whether containers' addresses on their networks are reached directly from this machine (a
 *     local engine on Linux that runs as root): a TCP wait then connects to the container itself
 */
public record EngineInfo(String endpoint, String source, String portHost, String version, boolean containersRouted) {

    /** An engine whose containers are reached through their published ports only. */
    public EngineInfo(String endpoint, String source, String portHost, String version) {
        this(endpoint, source, portHost, version, false);
    }
}

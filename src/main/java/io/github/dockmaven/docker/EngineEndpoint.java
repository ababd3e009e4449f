package io.github.dockmaven.docker;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Where a Docker API listens and how to reach it.
 *
 * @param host the daemon address: {@code unix:///path}, {@code npipe:////./pipe/name} or {@code tcp://host:port}
 * @param tlsCertDir a directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem} for a TLS daemon, or
 *     null for a plain connection
 * @param source how the address was found, for messages: {@code dock.host}, {@code DOCKER_HOST}, {@code context
 *     'colima'}, {@code well-known socket}
 */
public record EngineEndpoint(String host, Path tlsCertDir, String source) {

    public EngineEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
    }

    /** A plain (no TLS) endpoint given by the caller, e.g. {@code unix:///var/run/docker.sock}. */
    public static EngineEndpoint of(String host) {
        return new EngineEndpoint(host, null, "given");
    }

    /**
     * The host name under which ports published by this engine are reached from here: {@code localhost} for a local
     * socket, the daemon's host for a {@code tcp://} one.
     */
    public String portHost() {
        URI uri = URI.create(host);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (scheme.equals("unix") || scheme.equals("npipe") || uri.getHost() == null) {
            return "localhost";
        }
        String name = uri.getHost();
        // URI keeps the brackets of an IPv6 literal; a host property wants the bare address
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    /** The sockets of engines that run as root on this machine: their containers' addresses are routed from here. */
    private static final Set<String> ROOTFUL_SOCKETS = Set.of(
            "/var/run/docker.sock", "/run/docker.sock", "/var/run/podman/podman.sock", "/run/podman/podman.sock");

    /**
     * Whether a container's address on its network is reached directly from this machine on {@code os} (the value
     * of {@code os.name}): for an engine on Linux behind its system socket, whose bridge networks the host routes.
     * Not for Docker Desktop or Colima (a VM), a rootless engine (its own network namespace), or a remote one.
     */
    public boolean containersRouted(String os) {
        URI uri = URI.create(host);
        return "unix".equals(uri.getScheme()) && os.startsWith("Linux") && ROOTFUL_SOCKETS.contains(uri.getPath());
    }
}

package io.github.dockmaven.docker;

import java.util.Locale;
import java.util.Set;

/**
 * Registry names the way the {@code docker} CLI reads them: which registry an image reference points at, and which
 * keys of {@code config.json} (or ids of Maven {@code <server>}s) stand for the same registry.
 */
final class Registries {

    /** The registry of references without one, such as {@code postgres:16} or {@code library/redis}. */
    static final String DOCKER_HUB = "docker.io";

    /** The address under which the docker CLI stores Docker Hub's credentials. */
    static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_NAMES =
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private Registries() {}

    /**
     * The registry host (with its port, if any) of an image reference: {@code ghcr.io} for {@code
     * ghcr.io/acme/app:1}, {@code 127.0.0.1:5000} for {@code 127.0.0.1:5000/dock/busybox:1}, {@code docker.io} for
     * {@code postgres:16}. As for Docker, the first path component is a registry only if it contains a dot or a colon,
     * or is {@code localhost}.
     */
    static String of(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return DOCKER_HUB;
        }
        String first = image.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            return isDockerHub(first) ? DOCKER_HUB : first.toLowerCase(Locale.ROOT);
        }
        return DOCKER_HUB;
    }

    static boolean isDockerHub(String registry) {
        return DOCKER_HUB_NAMES.contains(registry.toLowerCase(Locale.ROOT));
    }

    /**
     * The host of a key of {@code config.json}'s {@code auths} or of a Maven server id: {@code
     * https://index.docker.io/v1/} becomes {@code index.docker.io}, {@code http://reg:5000/v2} becomes {@code
     * reg:5000}.
     */
    static String hostOf(String key) {
        String host = key.trim();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Whether a {@code config.json} key or a server id names {@code registry}. */
    static boolean matches(String key, String registry) {
        String host = hostOf(key);
        if (isDockerHub(registry)) {
            return isDockerHub(host);
        }
        return host.equals(registry.toLowerCase(Locale.ROOT));
    }

    /** The server address to give the engine (and credential helpers) for a registry. */
    static String serverAddress(String registry) {
        return isDockerHub(registry) ? DOCKER_HUB_AUTH_KEY : registry;
    }
}

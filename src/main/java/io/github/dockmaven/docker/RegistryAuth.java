package io.github.dockmaven.docker;

import java.util.Optional;

/**
 * Supplies registry credentials for a pull. This is the seam for registry authentication: {@link #NONE} pulls
 * anonymously, and a later lookup (Maven settings, Docker's config.json and credential helpers) plugs in here.
 */
@FunctionalInterface
public interface RegistryAuth {

    /** Anonymous pulls only. */
    RegistryAuth NONE = image -> Optional.empty();

    /** The credentials to pull {@code image} with, or empty to pull anonymously. */
    Optional<Credentials> forImage(String image);

    /**
     * Credentials for one registry.
     *
     * @param serverAddress the registry, e.g. {@code https://index.docker.io/v1/} or {@code ghcr.io}
     * @param username the user name, or null with an identity token
     * @param password the password or access token, or null with an identity token
     * @param identityToken an OAuth identity token, or null
     */
    record Credentials(String serverAddress, String username, String password, String identityToken) {

        @Override
        public String toString() {
            // never print secrets, should this end up in a debug line
            return "Credentials[" + serverAddress + ", " + username + "]";
        }
    }
}

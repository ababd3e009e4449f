package io.github.dockmaven.docker;

import java.util.Optional;

/**
 * Supplies registry credentials for a pull. {@link #NONE} pulls anonymously; {@link RegistryCredentials} looks them
 * up where users keep them: Maven's {@code settings.xml}, Docker's {@code config.json} and credential helpers, and
 * {@code DOCKER_AUTH_CONFIG}.
 */
@FunctionalInterface
public interface RegistryAuth {

    /** Anonymous pulls only. */
    RegistryAuth NONE = image -> Optional.empty();

    /** The credentials to pull {@code image} with, or empty to pull anonymously. */
    Optional<Credentials> forImage(String image);

    /**
     * Credentials for one registry. {@link #toString()} shows neither the secrets nor the user name, so that these
     * never reach a log line by accident.
     *
     * @param serverAddress the registry, e.g. {@code https://index.docker.io/v1/} or {@code ghcr.io}
     * @param username the user name, or null with an identity token alone
     * @param password the password or access token, or null with an identity token
     * @param identityToken an OAuth identity (refresh) token, or null
     * @param source where they were found, for messages: {@code Maven settings <server> 'ghcr.io'}, {@code
     *     /home/me/.docker/config.json (auths)}, ...
     */
    record Credentials(String serverAddress, String username, String password, String identityToken, String source) {

        @Override
        public String toString() {
            return "Credentials[" + serverAddress + ", from " + source + "]";
        }
    }
}

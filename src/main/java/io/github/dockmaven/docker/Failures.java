package io.github.dockmaven.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockmaven.core.EngineException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns docker-java's exceptions into the port's: the engine's own message, prefixed with what we attempted, the
 * original chained as the cause. No docker-java exception type leaves this package.
 */
final class Failures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {}

    /** The port's exception for a failure of {@code attempt}, e.g. {@code Could not start container 3f2a1c9b04de}. */
    static EngineException map(String attempt, Throwable failure) {
        return map(attempt, failure, null);
    }

    /**
     * The port's exception for a failure of {@code attempt} against the engine at {@code endpoint}, which a message
     * about an engine that did not answer names.
     */
    static EngineException map(String attempt, Throwable failure, String endpoint) {
        if (failure instanceof EngineException engine) {
            return engine;
        }
        String message = attempt + ": " + describe(failure, endpoint);
        if (failure instanceof NotFoundException) {
            return new EngineException.NotFound(message, failure);
        }
        if (isPortInUse(failure)) {
            return new EngineException.PortInUse(message, describe(failure, endpoint), failure);
        }
        if (isNameInUse(failure)) {
            return new EngineException.NameInUse(message, failure);
        }
        if (failure instanceof ConflictException) {
            return new EngineException.Conflict(message, failure);
        }
        return new EngineException(message, failure);
    }

    /** True when the engine refused to remove a network because endpoints are attached to it (Docker's words). */
    static boolean isActiveEndpoints(EngineException failure) {
        return failure.getMessage() != null && failure.getMessage().contains("has active endpoints");
    }

    /** True when the engine refused because a host port is taken, by another container or another process. */
    static boolean isPortInUse(Throwable failure) {
        if (!(failure instanceof DockerException)) {
            return false;
        }
        String text = engineMessage((DockerException) failure).toLowerCase(Locale.ROOT);
        return text.contains("port is already allocated") || text.contains("address already in use");
    }

    /** True when the engine refused to stop or kill a container because it is not running (Docker's and Podman's words). */
    static boolean isNotRunning(DockerException failure) {
        String text = engineMessage(failure).toLowerCase(Locale.ROOT);
        return text.contains("is not running")
                || text.contains("can only kill running containers")
                || text.contains("container state improper");
    }

    /**
     * True when a container name is taken: Docker says so with 409 ({@code The container name "/db" is already in
     * use by ...}), Podman with 500 ({@code ... that name is already in use}).
     */
    static boolean isNameInUse(Throwable failure) {
        if (!(failure instanceof DockerException docker)) {
            return false;
        }
        String text = engineMessage(docker).toLowerCase(Locale.ROOT);
        return text.contains("name is already in use")
                || (text.contains("container name") && text.contains("is already in use"));
    }

    /** What went wrong, in the engine's words when it answered, else the transport's. */
    static String describe(Throwable failure) {
        return describe(failure, null);
    }

    private static String describe(Throwable failure, String endpoint) {
        if (failure instanceof DockerException docker) {
            return engineMessage(docker);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof InterruptedIOException || root instanceof InterruptedException) {
            return "interrupted";
        }
        if (root instanceof IOException || failure instanceof UncheckedIOException) {
            // docker-java wraps the socket's exception; its own text repeats the class name
            return "no answer from the engine" + (endpoint == null ? "" : " at " + endpoint) + " (" + textOf(root)
                    + ")";
        }
        return textOf(failure.getMessage() == null || failure.getMessage().isBlank() ? root : failure);
    }

    private static String textOf(Throwable throwable) {
        String text = throwable.getMessage();
        return text == null || text.isBlank() ? throwable.getClass().getSimpleName() : text.trim();
    }

    /**
     * The {@code message} field of the engine's JSON error body. docker-java's own text is {@code Status 409:
     * {"message":"..."}}, which helps nobody.
     */
    static String engineMessage(DockerException failure) {
        String text = failure.getMessage() == null ? "" : failure.getMessage();
        int brace = text.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode body = JSON.readTree(text.substring(brace));
                JsonNode message = body.get("message");
                if (message != null && message.isTextual()) {
                    return message.asText().trim();
                }
            } catch (IOException | RuntimeException notJson) {
                // fall through to the raw text: some proxies answer with plain text
            }
        }
        String prefix = "Status " + failure.getHttpStatus() + ": ";
        String plain = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        return plain.isBlank() ? "HTTP status " + failure.getHttpStatus() : plain.trim();
    }

    /** What kind of failure a pull met, judged from the engine's (or the registry's) message. */
    enum PullProblem {
        /** The registry wants credentials, or refused the ones sent. */
        AUTH,
        /** No such repository or tag. */
        NOT_FOUND,
        /** Docker Hub's answer for both a missing and a private repository. */
        NOT_FOUND_OR_AUTH,
        /** The engine could not reach the registry. */
        NETWORK,
        OTHER
    }

    static PullProblem classify(String engineMessage) {
        String text = engineMessage.toLowerCase(Locale.ROOT);
        if (text.contains("does not exist or may require")) {
            return PullProblem.NOT_FOUND_OR_AUTH;
        }
        if (text.contains("unauthorized")
                || text.contains("authentication required")
                || text.contains("no basic auth credentials")
                || text.contains("invalid username/password")
                || text.contains("access to the resource is denied")
                || text.contains("access denied")
                || text.contains("forbidden")) {
            return PullProblem.AUTH;
        }
        if (text.contains("not found")
                || text.contains("manifest unknown")
                || text.contains("does not exist")
                || text.contains("no such image")
                || text.contains("name unknown")) {
            return PullProblem.NOT_FOUND;
        }
        if (text.contains("dial tcp")
                || text.contains("no such host")
                || text.contains("timeout")
                || text.contains("connection refused")
                || text.contains("connection reset")
                || text.contains("network is unreachable")
                || text.contains("tls")
                || text.contains("x509")
                || text.contains("eof")
                || text.contains("pinging container registry")) {
            return PullProblem.NETWORK;
        }
        return PullProblem.OTHER;
    }

    /**
     * The message of a failed pull. It names the image, its registry, what kind of failure it was and what to do, then
     * quotes the engine: {@code Could not pull image 'ghcr.io/acme/app:1' from registry ghcr.io: not found: ...}.
     *
     * @param credentials the credentials the pull was sent with, if any: an authentication failure names where they
     *     came from (never what they are)
     */
    static String pullFailure(String image, String engineMessage, Optional<RegistryAuth.Credentials> credentials) {
        String registry = Registries.of(image);
        String fix;
        switch (classify(engineMessage)) {
            case AUTH ->
                fix = credentials.isPresent()
                        ? "authentication failed: the registry refused the credentials from "
                                + credentials.get().source() + ". Fix the user name or password there."
                        : "authentication required, and no credentials were found for " + registry + ". "
                                + addCredentials(registry);
            case NOT_FOUND -> fix = "not found: " + registry + " has no such repository or tag. Check <image>.";
            case NOT_FOUND_OR_AUTH ->
                fix = "not found, or not allowed (the registry does not say which). Check"
                        + " <image>; if the repository is private, "
                        + (credentials.isPresent()
                                ? "check the credentials from "
                                        + credentials.get().source() + "."
                                : "give credentials for it: " + addCredentials(registry));
            case NETWORK ->
                fix = "network error: the engine could not reach " + registry + ". Check the registry"
                        + " address, and the network and proxy settings of the engine.";
            default -> fix = "the engine reported an error.";
        }
        return "Could not pull image '" + image + "' from registry " + registry + ": " + fix + " The engine said: "
                + engineMessage;
    }

    /**
     * The exception of a failed pull, with {@link #pullFailure}'s message: {@link EngineException.NotFound} when the
     * image does not exist, whether the engine said so with a status (Docker) or in the progress stream (Podman).
     */
    static EngineException pullException(
            String image, String engineMessage, Optional<RegistryAuth.Credentials> credentials, Throwable cause) {
        String message = pullFailure(image, engineMessage, credentials);
        return classify(engineMessage) == PullProblem.NOT_FOUND || cause instanceof NotFoundException
                ? new EngineException.NotFound(message, cause)
                : new EngineException(message, cause);
    }

    private static String addCredentials(String registry) {
        return "Add a <server> with <id>" + registry + "</id>, <username> and <password> to Maven's settings.xml, or"
                + " run docker login " + (Registries.isDockerHub(registry) ? "" : registry + " ") + "first.";
    }
}

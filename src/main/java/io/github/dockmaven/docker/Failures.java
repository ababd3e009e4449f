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
        if (failure instanceof ConflictException || isPortInUse(failure)) {
            return new EngineException.Conflict(message, failure);
        }
        return new EngineException(message, failure);
    }

    /** True when the engine refused because a host port is taken, by another container or another process. */
    static boolean isPortInUse(Throwable failure) {
        if (!(failure instanceof DockerException)) {
            return false;
        }
        String text = engineMessage((DockerException) failure).toLowerCase(Locale.ROOT);
        return text.contains("port is already allocated") || text.contains("address already in use");
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

    /** Why a pull failed, in words a user can act on, judged from the engine's (or registry's) message. */
    static String pullReason(String engineMessage) {
        String text = engineMessage.toLowerCase(Locale.ROOT);
        if (text.contains("does not exist or may require")) {
            return "not found, or the registry denied access";
        }
        if (text.contains("unauthorized")
                || text.contains("denied")
                || text.contains("authentication required")
                || text.contains("no basic auth credentials")
                || text.contains("forbidden")) {
            return "unauthorized: the registry denied access";
        }
        if (text.contains("not found")
                || text.contains("manifest unknown")
                || text.contains("does not exist")
                || text.contains("no such image")
                || text.contains("name unknown")) {
            return "not found";
        }
        if (text.contains("dial tcp")
                || text.contains("no such host")
                || text.contains("i/o timeout")
                || text.contains("timeout")
                || text.contains("connection refused")
                || text.contains("connection reset")
                || text.contains("network is unreachable")
                || text.contains("tls")
                || text.contains("x509")
                || text.contains("eof")) {
            return "network error reaching the registry";
        }
        return "the engine reported an error";
    }

    /** The message of a failed pull: {@code Could not pull image 'x:1': not found (manifest unknown)}. */
    static String pullFailure(String image, String engineMessage) {
        return "Could not pull image '" + image + "': " + pullReason(engineMessage) + " (" + engineMessage + ")";
    }
}

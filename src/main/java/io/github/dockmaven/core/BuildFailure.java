package io.github.dockmaven.core;

/**
 * The user's project is wrong: a bad parameter, a container that exited or was not ready in time. The Maven layer
 * turns it into a {@code MojoFailureException}; its message is what the user reads under BUILD FAILURE, so it names
 * the container, the offending value and the fix.
 */
public class BuildFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BuildFailure(String message) {
        super(message);
    }

    public BuildFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.dockmaven.core;

/** The engine could not do what was asked: the environment is broken, not the user's project. */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The object asked for does not exist (any more). */
    public static class NotFound extends EngineException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The engine refused because of a conflict the user can fix: a name or a host port in use. */
    public static class Conflict extends EngineException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

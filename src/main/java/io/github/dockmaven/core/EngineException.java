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

    /** A container name the create asked for is held by another container. */
    public static final class NameInUse extends Conflict {
        private static final long serialVersionUID = 1L;

        public NameInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A host port the start asked for is published by another container or held by another process. */
    public static final class PortInUse extends Conflict {
        private static final long serialVersionUID = 1L;

        /** The engine's own words, without what the adapter put before them: shown to the user as the reason. */
        private final String engineWords;

        public PortInUse(String message, String engineWords, Throwable cause) {
            super(message, cause);
            this.engineWords = engineWords;
        }

        public String engineWords() {
            return engineWords;
        }
    }
}

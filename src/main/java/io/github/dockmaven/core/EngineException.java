package io.github.dockmaven.core;

import java.util.List;

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

    /**
     * The engine refuses to remove a network it says has endpoints although no container is attached to it: its
     * network store counts an endpoint that is gone (moby/moby#42119), and it keeps refusing until it restarts.
     */
    public static final class StuckNetwork extends EngineException {
        private static final long serialVersionUID = 1L;

        public StuckNetwork(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A command run inside a container had not ended when its time was up; it was left to the container. */
    public static final class TimedOut extends EngineException {
        private static final long serialVersionUID = 1L;

        public TimedOut(String message) {
            super(message);
        }
    }

    /** A step of a Dockerfile failed while the engine built an image. */
    public static final class BuildFailed extends EngineException {
        private static final long serialVersionUID = 1L;

        private final String step;
        private final String reason;
        private final List<String> lastLines;

        /**
         * @param message what was attempted and what the engine said
         * @param step the failing Dockerfile instruction, e.g. {@code RUN make}, or null when the failure came before
         *     any step
         * @param reason the engine's own words on the failure
         * @param lastLines the last lines of the build's output, oldest first
         */
        public BuildFailed(String message, String step, String reason, List<String> lastLines, Throwable cause) {
            super(message, cause);
            this.step = step;
            this.reason = reason;
            this.lastLines = List.copyOf(lastLines);
        }

        public String step() {
            return step;
        }

        public String reason() {
            return reason;
        }

        public List<String> lastLines() {
            return lastLines;
        }
    }
}

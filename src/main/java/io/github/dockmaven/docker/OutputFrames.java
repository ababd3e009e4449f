package io.github.dockmaven.docker;

import com.github.dockerjava.api.model.Frame;
import io.github.dockmaven.core.LogLine;

/**
 * Which of a container's streams a frame of its output belongs to, for followed output, its read-back and exec output
 * alike. Nothing we run has a TTY (no option gives a container or an exec one), so output comes in frames: what is not
 * framed (RAW) is not output, but an error the engine wrote into an answer it had begun. Podman 4.3 answers so for a
 * container it is removing, and once wrote such an error after the frames of a followed output, as the container was
 * killed and removed.
 */
final class OutputFrames {

    private OutputFrames() {}

    /** The stream {@code frame} belongs to; null for none of the container's output. */
    static LogLine.Stream streamOf(Frame frame) {
        if (frame.getPayload() == null) {
            return null;
        }
        return switch (frame.getStreamType()) {
            case STDOUT -> LogLine.Stream.STDOUT;
            case STDERR -> LogLine.Stream.STDERR;
            default -> null;
        };
    }
}

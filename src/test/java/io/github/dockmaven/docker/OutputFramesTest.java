package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockmaven.core.LogLine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputFramesTest {

    private static Frame frame(StreamType type, String payload) {
        return new Frame(type, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stdoutAndStderrFramesAreTheirStreams() {
        assertThat(OutputFrames.streamOf(frame(StreamType.STDOUT, "up\n"))).isEqualTo(LogLine.Stream.STDOUT);
        assertThat(OutputFrames.streamOf(frame(StreamType.STDERR, "warn\n"))).isEqualTo(LogLine.Stream.STDERR);
    }

    @Test
    void unframedBytesAndStdinAreNoOutput() {
        assertThat(OutputFrames.streamOf(frame(StreamType.RAW, "{"))).isNull();
        assertThat(OutputFrames.streamOf(frame(StreamType.STDIN, "typed\n"))).isNull();
        assertThat(OutputFrames.streamOf(new Frame(StreamType.STDOUT, null))).isNull();
    }
}

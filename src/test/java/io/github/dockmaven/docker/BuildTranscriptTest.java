package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuildTranscriptTest {

    private final List<String> passedOn = new ArrayList<>();
    private final BuildTranscript transcript = new BuildTranscript(passedOn::add);

    private void print(String... lines) {
        for (String line : lines) {
            transcript.accept(new LogLine(LogLine.Stream.STDOUT, line));
        }
    }

    @Test
    void knowsTheStepUnderWayFromDockersClassicBuilder() {
        print("Step 1/3 : FROM dock-it/busybox:1", " ---> 3f2a1c9b04de", "Step 2/3 : RUN exit 3", " ---> Running in 1");

        assertThat(transcript.step()).isEqualTo("RUN exit 3");
    }

    @Test
    void knowsTheStepUnderWayFromPodman() {
        print("STEP 1/2: FROM dock-it/busybox:1", "STEP 2/2: RUN test ! -e secret.txt");

        assertThat(transcript.step()).isEqualTo("RUN test ! -e secret.txt");
    }

    @Test
    void knowsNoStepBeforeTheFirst() {
        print("Sending build context to Docker daemon  2.048kB");

        assertThat(transcript.step()).isNull();
    }

    @Test
    void keepsTheLastLinesOnlyAndPassesEveryLineOn() {
        IntStream.rangeClosed(1, 25).forEach(i -> print("line " + i));

        assertThat(transcript.lastLines())
                .hasSize(BuildTranscript.KEPT_LINES)
                .startsWith("line 6")
                .endsWith("line 25");
        assertThat(passedOn).hasSize(25);
    }
}

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

    @Test
    void remembersTheImagesDockersStepsCreatedButNotTheBaseImageOrACachedOne() {
        print(
                "Step 1/4 : FROM dock-it/busybox:1",
                " ---> 95ff64bc5ec3",
                "Step 2/4 : RUN echo cached",
                " ---> Using cache",
                " ---> 0c6e1d2f3a4b",
                "Step 3/4 : RUN echo preparing",
                " ---> Running in 5d4c3b2a1f0e",
                "preparing",
                "Removing intermediate container 5d4c3b2a1f0e",
                " ---> 6e7f3c2a1b4d",
                "Step 4/4 : ENV X=1",
                " ---> Running in 7a8b9c0d1e2f",
                "Removing intermediate container 7a8b9c0d1e2f",
                " ---> 8f9e0d1c2b3a",
                "Step 5/5 : RUN exit 3",
                " ---> Running in 9a0b1c2d3e4f");

        assertThat(transcript.createdImages()).containsExactly("6e7f3c2a1b4d", "8f9e0d1c2b3a");
    }

    @Test
    void remembersTheImagesPodmansStepsCreatedButNotACachedOne() {
        print(
                "STEP 1/4: FROM localhost/dock-it/busybox:1",
                "STEP 2/4: RUN echo cached",
                "--> Using cache a7d42bc601d97d30b21c1859444f4319fdcd8ec079a9ce7e1d0e62f42876dea5",
                "--> a7d42bc601d",
                "STEP 3/4: ENV X=1",
                "--> 1a3c03b345e",
                "STEP 4/4: RUN echo \"about to fail\" && exit 3",
                "about to fail");

        assertThat(transcript.createdImages()).containsExactly("1a3c03b345e");
    }

    @Test
    void whatAStepsCommandPrintsIsNoImageOfIts() {
        print(
                "--> 3f2a1c9b04de",
                "Step 1/3 : FROM dock-it/busybox:1",
                " ---> 95ff64bc5ec3",
                "Step 2/3 : RUN echo ' ---> 1a2b3c4d5e6f'",
                " ---> Running in 5d4c3b2a1f0e",
                " ---> 1a2b3c4d5e6f",
                "Removing intermediate container 5d4c3b2a1f0e",
                " ---> 6e7f3c2a1b4d",
                "Step 3/3 : RUN echo ' ---> 2b3c4d5e6f7a' && exit 3",
                " ---> Running in 7a8b9c0d1e2f",
                " ---> 2b3c4d5e6f7a");

        assertThat(transcript.createdImages()).containsExactly("6e7f3c2a1b4d");
    }
}

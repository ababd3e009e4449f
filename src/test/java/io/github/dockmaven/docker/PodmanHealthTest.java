package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodmanHealthTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T04:44:48.021124152Z");

    /** An inspection as Podman answers it: running, a check every second, and the given health log. */
    private static InspectContainerResponse container(boolean running, String healthLog) throws Exception {
        String json = "{\"Id\":\"abc\",\"State\":{\"Running\":" + running + ",\"StartedAt\":\"" + STARTED + "\","
                + "\"Health\":{\"Status\":\"starting\",\"FailingStreak\":0,\"Log\":" + healthLog + "}},"
                + "\"Config\":{\"Image\":\"localhost/dock-it/busybox-healthy:1\",\"Healthcheck\":{\"Test\":[\"CMD\","
                + "\"test\",\"-f\",\"/tmp/ready\"],\"Interval\":1000000000,\"Timeout\":1000000000,\"Retries\":3}}}";
        return new ObjectMapper().readValue(json, InspectContainerResponse.class);
    }

    @Test
    void theFirstCheckIsDueAnIntervalAfterTheStart() throws Exception {
        InspectContainerResponse fresh = container(true, "null");

        assertThat(PodmanHealth.checkDue(fresh, STARTED.plusMillis(999))).isFalse();
        assertThat(PodmanHealth.checkDue(fresh, STARTED.plusMillis(1000))).isTrue();
    }

    @Test
    void laterChecksAreDueAnIntervalAfterTheLastOneEnded() throws Exception {
        InspectContainerResponse checked = container(
                true,
                "[{\"Start\":\"2026-11-28T04:44:55.295128528Z\",\"End\":\"2026-11-28T04:44:55.391222563Z\","
                        + "\"ExitCode\":1,\"Output\":\"\"}]");
        Instant end = Instant.parse("2026-11-28T04:44:55.391222563Z");

        assertThat(PodmanHealth.checkDue(checked, end.plusMillis(500))).isFalse();
        assertThat(PodmanHealth.checkDue(checked, end.plusSeconds(1))).isTrue();
    }

    @Test
    void aContainerThatIsNotRunningOrHasNoCheckIsNeverDue() throws Exception {
        assertThat(PodmanHealth.checkDue(container(false, "null"), STARTED.plusSeconds(60)))
                .isFalse();
        InspectContainerResponse noCheck = new ObjectMapper()
                .readValue(
                        "{\"Id\":\"abc\",\"State\":{\"Running\":true,\"StartedAt\":\"" + STARTED + "\"},"
                                + "\"Config\":{\"Image\":\"busybox\"}}",
                        InspectContainerResponse.class);
        assertThat(PodmanHealth.checkDue(noCheck, STARTED.plusSeconds(60))).isFalse();
    }
}

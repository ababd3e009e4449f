package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the engine ends a followed output, the last entries are read once more (Docker drops an unterminated end,
 * moby/moby#43860). What that read-back answers decides what is added to the log; a fake engine gives the answers that
 * Docker and Podman gave. Also what of a followed answer is output: its frames, not an error written after them.
 */
class OutputReadBackTest {

    private static final String ID = "5c1d0e9f7a3b5c1d0e9f7a3b5c1d0e9f7a3b5c1d0e9f7a3b5c1d0e9f7a3b5c1d";

    @TempDir
    Path temp;

    @Test
    void anUnterminatedEndThatTheFollowedOutputDroppedIsAddedFromTheReadBack() throws Exception {
        assertThat(follow(stdout("ready\n") + stdout("fatal: no config"))).containsExactly("ready", "fatal: no config");
    }

    @Test
    void anUnframedAnswerToTheReadBackIsNotTakenForOutput() throws Exception {
        // Podman's answer for a container it is removing: the error, not in frames
        String removing = "{\"cause\":\"no such container\",\"message\":\"container " + ID + " is being removed\"}";

        assertThat(follow(removing)).containsExactly("ready");
    }

    @Test
    void anUnframedErrorAfterTheFramedOutputIsNotTakenForOutput() throws Exception {
        // Podman's answer when the container followed is removed: its error, after the frames, not in one
        String removed = "{\"cause\":\"no such container\",\"message\":\"container " + ID + " is being removed\"}";

        assertThat(follow(stdout("ready\n") + removed, stdout("ready\n"))).containsExactly("ready");
    }

    /** The lines of a followed output that delivered "ready\n" and ended, with {@code readBack} as the last entries. */
    private List<String> follow(String readBack) throws Exception {
        return follow(stdout("ready\n"), readBack);
    }

    /** The lines of a followed output that delivered {@code followed} and ended, {@code readBack} the last entries. */
    private List<String> follow(String followed, String readBack) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (RestartingEngine fake = new RestartingEngine(temp.resolve("engine.sock"), head -> {
                    if (head.startsWith("GET /containers/" + ID + "/logs") && head.contains("tail=2")) {
                        return stream(readBack);
                    }
                    if (head.startsWith("GET /containers/" + ID + "/logs")) {
                        return stream(followed);
                    }
                    return RestartingEngine.json(200, "{\"Id\":\"" + ID + "\",\"State\":{\"Running\":false}}");
                });
                DockerJavaEngine engine = new DockerJavaEngine(
                        new EngineEndpoint("unix://" + temp.resolve("engine.sock"), null, "test"));
                Closeable following = engine.followLogs(ID, line -> lines.add(line.text()), ended::countDown)) {
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        return lines;
    }

    /** One entry of standard output, framed as the engine frames a container's output without a TTY (ASCII only). */
    private static String stdout(String entry) {
        return "\u0001\u0000\u0000\u0000\u0000\u0000\u0000" + (char) entry.length() + entry;
    }

    private static String stream(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }
}

package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineQuirksTest {

    private static final int CALLERS = 6;

    @TempDir
    Path temp;

    @Test
    void aBareFullImageIdIsSentAsADigestBecausePodmanTakesItForARepository() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        assertThat(EngineQuirks.imageReference(id)).isEqualTo("sha256:" + id);
        assertThat(EngineQuirks.imageReference("dock-it/busybox:1")).isEqualTo("dock-it/busybox:1");
        assertThat(EngineQuirks.imageReference("0123456789ab")).isEqualTo("0123456789ab");
    }

    /**
     * The engine answers the first version request only once every caller waits: each caller that asked on its own is
     * then waiting for its own request, and the engine sees one request per caller.
     */
    @Test
    void callersThatComeWhileTheVersionIsAskedWaitForThatAnswerInsteadOfAskingToo() throws Exception {
        List<Thread> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS, task -> {
            Thread thread = new Thread(task, "caller-" + callers.size());
            callers.add(thread);
            return thread;
        });
        try (RestartingEngine fake = new RestartingEngine(temp.resolve("engine.sock"), head -> {
                    if (head.startsWith("GET /version")) {
                        awaitAllWaiting(callers);
                        return RestartingEngine.json(
                                200, "{\"Version\":\"5.4.2\",\"Components\":[{\"Name\":\"Podman Engine\"}]}");
                    }
                    return RestartingEngine.json(200, "{}");
                });
                DockerJavaEngine engine = new DockerJavaEngine(
                        new EngineEndpoint("unix://" + temp.resolve("engine.sock"), null, "test"))) {
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                versions.add(pool.submit(() -> engine.info().version()));
            }
            for (Future<String> version : versions) {
                assertThat(version.get(30, TimeUnit.SECONDS)).isEqualTo("Podman 5.4.2");
            }
            assertThat(engine.isPodman()).isTrue();
            assertThat(fake.requests())
                    .filteredOn(request -> request.startsWith("GET /version"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns once every caller thread exists and waits (for an answer: theirs or the one asked for all). */
    private static void awaitAllWaiting(List<Thread> callers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            synchronized (callers) {
                if (callers.size() == CALLERS
                        && callers.stream()
                                .allMatch(thread -> thread.getState() == Thread.State.WAITING
                                        || thread.getState() == Thread.State.TIMED_WAITING)) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }
}

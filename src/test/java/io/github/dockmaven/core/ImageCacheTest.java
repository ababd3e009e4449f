package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageCacheTest {

    private final ImageCache cache = new ImageCache();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InMemoryEngine engine = new InMemoryEngine();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    @Test
    void concurrentPullsOfOneImagePullOnceAndAllWaitForIt() throws Exception {
        AtomicInteger pulls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allAsked = new CountDownLatch(8);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Future<?>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(executor.submit(() -> {
                threads.add(Thread.currentThread());
                allAsked.countDown();
                cache.pullOnce("postgres:16", () -> {
                    pulls.incrementAndGet();
                    await(release);
                });
            }));
        }
        assertThat(allAsked.await(5, TimeUnit.SECONDS)).isTrue();
        // one caller pulls and waits for the release, the seven others wait for its pull
        awaitBlocked(threads);
        assertThat(callers).noneMatch(Future::isDone);

        release.countDown();
        for (Future<?> caller : callers) {
            caller.get(5, TimeUnit.SECONDS);
        }

        assertThat(pulls).hasValue(1);
        assertThat(cache.wasPulled("postgres:16")).isTrue();
    }

    @Test
    void anImagePulledOnceIsNotPulledAgain() {
        AtomicInteger pulls = new AtomicInteger();

        cache.pullOnce("postgres:16", pulls::incrementAndGet);
        cache.pullOnce("postgres:16", pulls::incrementAndGet);

        assertThat(pulls).hasValue(1);
    }

    @Test
    void aFailedPullIsTriedAgainByTheNextCaller() {
        assertThatThrownBy(() -> cache.pullOnce("postgres:16", () -> {
                    throw new EngineException("registry unreachable");
                }))
                .isInstanceOf(EngineException.class)
                .hasMessage("registry unreachable");
        assertThat(cache.wasPulled("postgres:16")).isFalse();

        AtomicInteger pulls = new AtomicInteger();
        cache.pullOnce("postgres:16", pulls::incrementAndGet);

        assertThat(pulls).hasValue(1);
        assertThat(cache.wasPulled("postgres:16")).isTrue();
    }

    @Test
    void callersWaitingForAFailedPullGetItsFailure() throws Exception {
        CountDownLatch pulling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = executor.submit(() -> cache.pullOnce("postgres:16", () -> {
            pulling.countDown();
            await(release);
            throw new EngineException("registry unreachable");
        }));
        assertThat(pulling.await(5, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiting = new CopyOnWriteArrayList<>();
        Future<?> second = executor.submit(() -> {
            waiting.add(Thread.currentThread());
            cache.pullOnce("postgres:16", () -> {
                throw new AssertionError("the second caller must wait for the first pull, not pull itself");
            });
        });
        awaitBlocked(waiting);

        release.countDown();

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("registry unreachable");
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("registry unreachable");
    }

    @Test
    void presenceIsAskedOfTheEngineOnlyUntilTheImageWasSeen() {
        engine.image("postgres:16", ImageState.PRESENT);

        assertThat(cache.isPresent("postgres:16", engine)).isTrue();
        assertThat(cache.isPresent("postgres:16", engine)).isTrue();
        assertThat(cache.isPresent("redis:7", engine)).isFalse();
        assertThat(cache.isPresent("redis:7", engine)).isFalse();

        assertThat(engine.calls("imageExists")).containsExactly("postgres:16", "redis:7", "redis:7");
    }

    @Test
    void aPulledImageCountsAsPresent() {
        cache.pullOnce("redis:7", () -> {});

        assertThat(cache.isPresent("redis:7", engine)).isTrue();
        assertThat(engine.calls("imageExists")).isEmpty();
    }

    /** Returns once at least one thread was listed and every listed thread is blocked, waiting. */
    private static void awaitBlocked(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.isEmpty() || !threads.stream().allMatch(ImageCacheTest::isWaiting)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the callers did not block: " + threads);
            }
            Thread.onSpinWait();
        }
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

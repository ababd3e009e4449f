package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link Starter} makes images present: concurrently, once per session, shown through the pull display. */
class StarterPullTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ImageCache images = new ImageCache();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final PullingEngine engine = new PullingEngine();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Starter starter() {
        return new Starter(
                engine,
                PeriodicPullDisplayTest.console(lines),
                scopeOf(),
                alias -> line -> {},
                executor,
                images,
                PullDisplay.lines(PeriodicPullDisplayTest.console(lines), Duration.ofSeconds(5)));
    }

    @Test
    void differentImagesArePulledAtTheSameTime() {
        // each pull waits until the other one has begun: pulled one after the other, this would time out
        engine.pullsInFlight = new CountDownLatch(2);
        Plan plan = Specs.plan(
                Specs.container("a").image("reg:5000/a:1"), Specs.container("b").image("reg:5000/b:1"));

        starter().start(plan, new RunRecord(scopeOf()));

        assertThat(engine.pulled).containsExactlyInAnyOrder("reg:5000/a:1", "reg:5000/b:1");
        assertThat(engine.overlapped).isTrue();
        assertThat(lines).contains("Pulling reg:5000/a:1 for 'a'", "Pulling reg:5000/b:1 for 'b'");
        assertThat(lines).anyMatch(line -> line.startsWith("Pulled reg:5000/a:1 in "));
        assertThat(lines).anyMatch(line -> line.startsWith("Pulled reg:5000/b:1 in "));
    }

    @Test
    void alwaysPullsAnImageOncePerSessionAcrossExecutions() {
        Plan plan = Specs.plan(Specs.container("a").image("reg:5000/a:1").pullPolicy(PullPolicy.ALWAYS));

        starter().start(plan, new RunRecord(scopeOf()));
        starter().start(plan, new RunRecord(scopeOf()));

        assertThat(engine.pulled).containsExactly("reg:5000/a:1");
    }

    @Test
    void twoContainersOfOneImageMakeOnePull() {
        Plan plan = Specs.plan(
                Specs.container("a").image("reg:5000/a:1").pullPolicy(PullPolicy.ALWAYS),
                Specs.container("b").image("reg:5000/a:1").pullPolicy(PullPolicy.ALWAYS));

        starter().start(plan, new RunRecord(scopeOf()));

        assertThat(engine.pulled).containsExactly("reg:5000/a:1");
    }

    private static Scope scopeOf() {
        return new Scope("g:a", "a", "session1", "default", Labels.MODE_LIFECYCLE, "host/1");
    }

    /** An engine whose images are all missing until pulled, and whose containers run at once. */
    private static final class PullingEngine implements Engine {
        final List<String> pulled = Collections.synchronizedList(new ArrayList<>());
        final Map<String, ContainerInfo> containers = new ConcurrentHashMap<>();
        volatile CountDownLatch pullsInFlight;
        volatile boolean overlapped;

        @Override
        public EngineInfo info() {
            return new EngineInfo("unix:///fake.sock", "test", "localhost", "1");
        }

        @Override
        public boolean imageExists(String image) {
            return pulled.contains(image);
        }

        @Override
        public Optional<String> imageId(String image) {
            return pulled.contains(image) ? Optional.of("sha256:" + image) : Optional.empty();
        }

        @Override
        public void pull(String image, Platform platform, Consumer<PullProgress> progress) {
            CountDownLatch latch = pullsInFlight;
            if (latch != null) {
                latch.countDown();
                try {
                    overlapped = latch.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            progress.accept(new PullProgress(image, 1, 1, 100, 100));
            pulled.add(image);
        }

        @Override
        public void load(Path archive) {}

        @Override
        public boolean removeImage(String image) {
            return true;
        }

        @Override
        public String createNetwork(String name, Map<String, String> labels) {
            return name;
        }

        @Override
        public void removeNetwork(String idOrName) {}

        @Override
        public List<ResourceInfo> listNetworks(Map<String, String> labels) {
            return List.of();
        }

        @Override
        public boolean createVolume(String name, Map<String, String> labels) {
            return true;
        }

        @Override
        public void removeVolume(String name) {}

        @Override
        public List<ResourceInfo> listVolumes(Map<String, String> labels) {
            return List.of();
        }

        @Override
        public String createContainer(ContainerCreate create) {
            String id = String.format("%064d", containers.size() + 1);
            containers.put(
                    id,
                    new ContainerInfo(
                            id,
                            create.name(),
                            create.image(),
                            create.labels(),
                            ContainerInfo.Status.RUNNING,
                            0,
                            ContainerInfo.Health.NONE,
                            Map.of(),
                            Map.of(),
                            ""));
            return id;
        }

        @Override
        public void startContainer(String id) {}

        @Override
        public Optional<ContainerInfo> inspect(String id) {
            return Optional.ofNullable(containers.get(id));
        }

        @Override
        public void stopContainer(String id, Duration grace) {}

        @Override
        public void removeContainer(String id) {
            containers.remove(id);
        }

        @Override
        public List<ContainerInfo> listContainers(Map<String, String> labels) {
            return List.copyOf(containers.values());
        }

        @Override
        public Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd) {
            return onEnd::run;
        }

        @Override
        public int exec(String id, List<String> argv, Duration limit, Consumer<LogLine> output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copyIn(String id, Path source, String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void copyOut(String id, String source, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Removed> pruneDanglingImages(Map<String, String> labels) {
            return List.of();
        }

        @Override
        public String buildImage(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output) {
            throw new UnsupportedOperationException("this engine only pulls");
        }

        @Override
        public List<String> listImages(Map<String, String> labels) {
            return List.of();
        }

        @Override
        public void close() {}
    }
}

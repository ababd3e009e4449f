package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.Engine.PullProgress;
import io.github.dockmaven.core.Engine.Removed;
import io.github.dockmaven.core.Engine.ResourceInfo;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.LogLine.Stream;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunOptions;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against the engine of this machine ({@code DOCKER_HOST}, else {@code /var/run/docker.sock}), with the
 * fixture images of {@code scripts/fixtures.sh}. Everything created carries {@link #TEST_LABEL} with this run's id and
 * is removed after each test.
 */
class DockerJavaEngineIT {

    static final String BUSYBOX = "dock-it/busybox:1";
    static final String HEALTHY = "dock-it/busybox-healthy:1";
    static final String TEST_LABEL = "io.github.dockmaven.test.docker-java-engine-it";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static DockerJavaEngine engine;
    /** docker-java itself, for setup the port does not offer: tag, commit, save, push. */
    static DockerClient docker;

    @TempDir
    Path temp;

    private final List<String> images = new ArrayList<>();

    @BeforeAll
    static void connect() {
        String host = System.getenv("DOCKER_HOST");
        engine = new DockerJavaEngine(new EngineEndpoint(
                host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host, null, "test"));
        assertThat(engine.imageExists(BUSYBOX))
                .as("%s is missing: run scripts/engine-up.sh and scripts/fixtures.sh", BUSYBOX)
                .isTrue();
        docker = EngineClients.newClient(engine.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    @AfterEach
    void removeEverythingOfThisRun() {
        Map<String, String> ours = Map.of(TEST_LABEL, RUN);
        for (ContainerInfo container : engine.listContainers(ours)) {
            engine.removeContainer(container.id());
        }
        for (ResourceInfo network : engine.listNetworks(ours)) {
            engine.removeNetwork(network.id());
        }
        for (ResourceInfo volume : engine.listVolumes(ours)) {
            engine.removeVolume(volume.name());
        }
        for (String image : images) {
            engine.removeImage(image);
        }
        assertThat(engine.listContainers(ours)).isEmpty();
        assertThat(engine.listNetworks(ours)).isEmpty();
        assertThat(engine.listVolumes(ours)).isEmpty();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
        docker.close();
    }

    private static Map<String, String> labels(String... more) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TEST_LABEL, RUN);
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    private static String name(String what) {
        return "dock-it-" + RUN + "-" + what;
    }

    private static ContainerCreate busybox(String name, List<String> command) {
        return create(name, BUSYBOX, command, List.of(), Map.of(), null);
    }

    private static ContainerCreate create(
            String name,
            String image,
            List<String> command,
            List<PortMapping> ports,
            Map<String, List<String>> networks,
            List<String> binds) {
        return new ContainerCreate(
                name,
                image,
                command,
                null,
                Map.of("GREETING", "hello"),
                labels(),
                ports,
                binds == null ? List.of() : binds,
                networks,
                null,
                RunOptions.DEFAULTS);
    }

    /** A busybox container with {@code options} and no network, for what needs none. */
    private static ContainerCreate withoutNetwork(String name, List<String> command, RunOptions options) {
        return new ContainerCreate(
                name, BUSYBOX, command, null, Map.of(), labels(), List.of(), List.of(), Map.of(), "none", options);
    }

    private static String run(ContainerCreate create) {
        String id = engine.createContainer(create);
        engine.startContainer(id);
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ContainerInfo awaitInspection(String id, Duration limit, Predicate<ContainerInfo> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        ContainerInfo info = engine.inspect(id).orElseThrow();
        while (!condition.test(info) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            info = engine.inspect(id).orElseThrow();
        }
        return info;
    }

    private static void awaitAccepting(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing accepts connections on localhost:" + port, notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void infoNamesTheEndpointAndTheEnginesVersion() {
        assertThat(engine.info().portHost()).isEqualTo("localhost");
        assertThat(engine.info().source()).isEqualTo("test");
        assertThat(engine.info().version()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void theLocatorFindsThisMachinesEngine() {
        List<String> debug = new ArrayList<>();
        try (DockerJavaEngine found = new EngineLocator(
                        System.getenv(), Path.of(System.getProperty("user.home")), debug::add)
                .find(null, RegistryAuth.NONE)) {
            assertThat(found.info().version()).isEqualTo(engine.info().version());
        }
        assertThat(debug).last().asString().endsWith(": answers; using it");
    }

    @Test
    void anExecThatOutlivesItsLimitIsAbandonedAndOneThatEndsGivesItsExitCodeAndOutput() {
        String id = run(busybox(name("exec"), List.of("sleep", "60")));
        List<String> output = new ArrayList<>();

        int exitCode = engine.exec(
                id,
                List.of("sh", "-c", "echo seeded; exit 3"),
                Duration.ofSeconds(30),
                line -> output.add(line.text()));

        assertThat(exitCode).isEqualTo(3);
        assertThat(output).containsExactly("seeded");
        assertThatThrownBy(() -> engine.exec(id, List.of("sleep", "30"), Duration.ofMillis(300), line -> {}))
                .isInstanceOf(EngineException.TimedOut.class)
                .hasMessage("Could not run 'sleep 30' in container " + id.substring(0, 12)
                        + ": it had not ended after 300ms");
    }

    @Test
    void publishedPortsAreReportedForAFreeAndAFixedHostPort() throws Exception {
        int fixed = freePort();
        String id = run(create(
                name("ports"),
                BUSYBOX,
                List.of("sh", "-c", "echo hi > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"),
                List.of(PortMapping.parse("8080"), PortMapping.parse(fixed + ":8080"), PortMapping.parse("9999/udp")),
                Map.of(),
                null));

        ContainerInfo info = engine.inspect(id).orElseThrow();

        assertThat(info.status()).isEqualTo(Status.RUNNING);
        assertThat(info.health()).isEqualTo(Health.NONE);
        assertThat(info.name()).isEqualTo(name("ports"));
        assertThat(info.image()).isEqualTo(BUSYBOX);
        assertThat(info.labels()).containsEntry(TEST_LABEL, RUN);
        assertThat(info.ports()).containsKeys("8080/tcp", "9999/udp");
        assertThat(info.ports().get("8080/tcp")).isPositive();
        // the engine's default network: Docker's is called bridge, Podman's podman
        String defaultNetwork = engine.isPodman() ? "podman" : "bridge";
        assertThat(info.ipAddresses()).containsKey(defaultNetwork);
        awaitAccepting(info.ports().get("8080/tcp"));
        awaitAccepting(fixed);

        ContainerInfo listed = engine.listContainers(labels()).get(0);
        assertThat(listed.id()).isEqualTo(id);
        assertThat(listed.status()).isEqualTo(Status.RUNNING);
        assertThat(listed.ports()).containsKey("8080/tcp").containsKey("9999/udp");
        assertThat(listed.ipAddresses()).containsKey(defaultNetwork);
    }

    @Test
    void aFixedHostPortOfAnotherContainerIsAConflict() throws Exception {
        int fixed = freePort();
        List<PortMapping> ports = List.of(PortMapping.parse(fixed + ":8080"));
        run(create(name("first"), BUSYBOX, List.of("sleep", "60"), ports, Map.of(), null));
        String second =
                engine.createContainer(create(name("second"), BUSYBOX, List.of("sleep", "60"), ports, Map.of(), null));

        assertThatThrownBy(() -> engine.startContainer(second))
                .isInstanceOf(EngineException.PortInUse.class)
                .hasMessageStartingWith("Could not start container " + second.substring(0, 12) + ": ")
                .hasMessageContaining(String.valueOf(fixed));
    }

    @Test
    void aFixedHostPortHeldByAnotherProcessIsAConflict() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String id = engine.createContainer(create(
                    name("taken"),
                    BUSYBOX,
                    List.of("sleep", "60"),
                    List.of(PortMapping.parse(taken.getLocalPort() + ":8080")),
                    Map.of(),
                    null));

            assertThatThrownBy(() -> engine.startContainer(id))
                    .isInstanceOf(EngineException.PortInUse.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void aContainerNameInUseIsAConflict() {
        engine.createContainer(busybox(name("twin"), List.of("true")));

        assertThatThrownBy(() -> engine.createContainer(busybox(name("twin"), List.of("true"))))
                .isInstanceOf(EngineException.NameInUse.class)
                .hasMessageStartingWith(
                        "Could not create container '" + name("twin") + "' from image '" + BUSYBOX + "': ");
    }

    @Test
    void aVolumeWithoutTargetIsExplained() {
        assertThatThrownBy(() -> engine.createContainer(
                        create(name("badvolume"), BUSYBOX, null, List.of(), Map.of(), List.of("just-a-name"))))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("Could not create container '" + name("badvolume") + "' from image '" + BUSYBOX
                        + "': invalid volume 'just-a-name' (expected source:target, source:target:ro or"
                        + " source:target:rw)");
    }

    @Test
    void anUnknownImageIsNotFound() {
        assertThatThrownBy(() -> engine.createContainer(
                        create(name("nosuch"), "dock-it/no-such-image:" + RUN, null, List.of(), Map.of(), null)))
                .isInstanceOf(EngineException.NotFound.class)
                .hasMessageContaining("dock-it/no-such-image:" + RUN);
    }

    /**
     * Followed after the container exited: Podman before 5.3 opens the stream of exit events at its end after reading
     * the container's state, so a container that exits in between has a followed stream that never ends. Exiting
     * while followed is the next test's, with the container exiting well after the stream began.
     */
    @Test
    void logsArriveAsWholeLinesPerStreamWithTheLastPartialLine() throws Exception {
        String script = "echo out1; echo err1 >&2; printf 'two\\nlines\\n'; head -c 40000 /dev/zero | tr '\\0' x;"
                + " echo; printf 'err2\\r\\n' >&2; echo \"$GREETING\"; printf partial";
        String id = run(busybox(name("logs"), List.of("sh", "-c", script)));
        assertThat(awaitInspection(id, Duration.ofSeconds(20), i -> !i.status().isRunning())
                        .status()
                        .isRunning())
                .as("the container exited")
                .isFalse();
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger endCalls = new AtomicInteger();

        Closeable follower = engine.followLogs(id, lines::add, () -> {
            endCalls.incrementAndGet();
            ended.countDown();
        });

        assertThat(ended.await(20, TimeUnit.SECONDS)).as("the output ended").isTrue();
        follower.close();
        assertThat(texts(lines, Stream.STDOUT))
                .containsExactly("out1", "two", "lines", "x".repeat(40000), "hello", "partial");
        assertThat(texts(lines, Stream.STDERR)).containsExactly("err1", "err2");
        assertThat(endCalls).hasValue(1);
    }

    /**
     * Docker ends a followed stream without the output after the last newline when the container exits while followed
     * (moby/moby#43860; here most of the time): the follower reads the end again. Repeated, as the engine does not
     * drop it every time.
     */
    @RepeatedTest(3)
    void theUnterminatedEndOfAContainerThatExitsWhileFollowedIsPassedOn() throws Exception {
        String script = "echo started; while [ ! -e /tmp/go ]; do sleep 0.05; done;"
                + " echo done; printf 'fatal: no config' >&2; printf bye";
        String id = run(busybox(name("lastwords"), List.of("sh", "-c", script)));
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        Closeable follower = engine.followLogs(id, lines::add, ended::countDown);
        awaitFirstLine(lines);

        engine.exec(id, List.of("touch", "/tmp/go"), Duration.ofSeconds(10), line -> {});

        assertThat(ended.await(20, TimeUnit.SECONDS)).as("the output ended").isTrue();
        follower.close();
        assertThat(texts(lines, Stream.STDOUT)).containsExactly("started", "done", "bye");
        assertThat(texts(lines, Stream.STDERR)).containsExactly("fatal: no config");
    }

    /** Waits until a follower delivered a line (10 s at most): the container runs, and is followed. */
    private static void awaitFirstLine(List<LogLine> lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lines).as("the container's first line, followed").isNotEmpty();
    }

    private static List<String> texts(List<LogLine> lines, Stream stream) {
        return lines.stream()
                .filter(l -> l.stream() == stream)
                .map(LogLine::text)
                .toList();
    }

    @Test
    void closingTheFollowerStopsFollowingARunningContainer() throws Exception {
        String id = run(busybox(name("chatty"), List.of("sh", "-c", "while true; do echo tick; sleep 0.2; done")));
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        Closeable follower = engine.followLogs(id, lines::add, ended::countDown);
        awaitFirstLine(lines);

        follower.close();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        int seen = lines.size();
        Thread.sleep(600);
        assertThat(lines).hasSize(seen).isNotEmpty();
        assertThat(lines).allMatch(line -> line.equals(new LogLine(Stream.STDOUT, "tick")));
    }

    @Test
    void followingAContainerThatIsGoneFailsAtOnceAndStillEnds() {
        AtomicInteger ended = new AtomicInteger();

        assertThatThrownBy(
                        () -> engine.followLogs("dock-it-no-such-container-" + RUN, line -> {}, ended::incrementAndGet))
                .isInstanceOf(EngineException.NotFound.class);
        assertThat(ended).hasValue(1);
    }

    @Test
    void stopKillsAContainerThatIgnoresSigtermAfterTheGrace() throws Exception {
        String id = run(busybox(name("stubborn"), List.of("sh", "-c", "trap '' TERM; while true; do sleep 1; done")));

        long start = System.nanoTime();
        engine.stopContainer(id, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(3));
        ContainerInfo info = engine.inspect(id).orElseThrow();
        assertThat(info.status()).isEqualTo(Status.EXITED);
        assertThat(info.exitCode()).isEqualTo(137);
        assertThat(engine.listContainers(labels()).get(0).exitCode()).isEqualTo(137);
    }

    @Test
    void aGraceOfZeroKills() throws Exception {
        String id = run(busybox(name("killed"), List.of("sleep", "60")));

        long start = System.nanoTime();
        engine.stopContainer(id, Duration.ZERO);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(awaitInspection(id, Duration.ofSeconds(5), i -> !i.status().isRunning())
                        .status())
                .isEqualTo(Status.EXITED);
    }

    @Test
    void stoppingAndRemovingWhatIsStoppedOrGoneSucceeds() {
        String id = engine.createContainer(busybox(name("gone"), List.of("true")));
        engine.stopContainer(id, Duration.ofSeconds(1));
        engine.stopContainer(id, Duration.ZERO);
        engine.removeContainer(id);

        engine.stopContainer(id, Duration.ofSeconds(1));
        engine.stopContainer(id, Duration.ZERO);
        engine.removeContainer(id);
        engine.removeNetwork("dock-it-no-such-network-" + RUN);
        engine.removeVolume("dock-it-no-such-volume-" + RUN);

        assertThat(engine.inspect(id)).isEmpty();
    }

    @Test
    void aNetworkARunningContainerIsAttachedToStaysAndTheRefusalNamesThatContainer() {
        String network = name("held");
        engine.createNetwork(network, labels());
        String holder = run(
                create(name("holder"), BUSYBOX, List.of("sleep", "60"), List.of(), Map.of(network, List.of()), null));

        assertThatThrownBy(() -> engine.removeNetwork(network))
                .isInstanceOf(EngineException.class)
                .isNotInstanceOf(EngineException.StuckNetwork.class)
                .hasMessageContaining("Could not remove network '" + network + "'")
                .hasMessageContaining(
                        engine.isPodman()
                                ? ""
                                : "still used by container '" + name("holder") + "' (" + Ids.shortId(holder) + ")");
        assertThat(engine.listNetworks(labels())).extracting(ResourceInfo::name).containsExactly(network);
    }

    @Test
    void removeKillsARunningContainer() {
        String id = run(busybox(name("running"), List.of("sleep", "60")));

        engine.removeContainer(id);

        assertThat(engine.inspect(id)).isEmpty();
    }

    @Test
    void volumesAndNetworksAreListedOnlyWhenTheyCarryEveryLabelGiven() {
        engine.createVolume(name("vol-db"), labels("role", "db"));
        engine.createVolume(name("vol-cache"), labels("role", "cache"));
        engine.createNetwork(name("net-db"), labels("role", "db"));
        engine.createNetwork(name("net-cache"), labels("role", "cache"));

        assertThat(engine.listVolumes(labels("role", "db")))
                .extracting(ResourceInfo::name)
                .containsExactly(name("vol-db"));
        assertThat(engine.listNetworks(labels("role", "db")))
                .extracting(ResourceInfo::name)
                .containsExactly(name("net-db"));
        assertThat(engine.listVolumes(labels())).hasSize(2);
    }

    @Test
    void listingFiltersByEveryLabelGiven() {
        Map<String, String> tagged = labels("role", "db");
        String wanted = engine.createContainer(new ContainerCreate(
                name("wanted"),
                BUSYBOX,
                List.of("true"),
                null,
                Map.of(),
                tagged,
                List.of(),
                List.of(),
                Map.of(),
                null,
                RunOptions.DEFAULTS));
        engine.createContainer(busybox(name("other"), List.of("true")));

        List<ContainerInfo> found = engine.listContainers(tagged);

        assertThat(found).extracting(ContainerInfo::id).containsExactly(wanted);
        assertThat(found.get(0).name()).isEqualTo(name("wanted"));
        assertThat(found.get(0).status()).isEqualTo(Status.CREATED);
        assertThat(found.get(0).labels()).containsEntry("role", "db");
        assertThat(engine.listContainers(labels())).hasSize(2);
    }

    @Test
    void containersReachEachOtherByAliasOnEveryNetworkTheyJoin() throws Exception {
        String front = name("front");
        String back = name("back");
        engine.createNetwork(front, labels());
        engine.createNetwork(back, labels());
        Map<String, List<String>> networks = new LinkedHashMap<>();
        networks.put(front, List.of("web"));
        networks.put(back, List.of("web-back"));
        String server = run(create(
                name("server"),
                BUSYBOX,
                List.of("sh", "-c", "echo hello-from-web > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"),
                List.of(),
                networks,
                null));
        ContainerInfo serverInfo = engine.inspect(server).orElseThrow();
        assertThat(serverInfo.ipAddresses()).containsOnlyKeys(front, back);

        String viaFront = run(create(
                name("client-front"),
                BUSYBOX,
                List.of(
                        "sh",
                        "-c",
                        "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://web:8080/index.html && exit 0;"
                                + " sleep 0.5; done; exit 1"),
                List.of(),
                Map.of(front, List.of()),
                null));
        String viaBack = run(create(
                name("client-back"),
                BUSYBOX,
                List.of(
                        "sh",
                        "-c",
                        "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://web-back:8080/index.html &&"
                                + " exit 0; sleep 0.5; done; exit 1"),
                List.of(),
                Map.of(back, List.of()),
                null));

        assertThat(awaitInspection(viaFront, Duration.ofSeconds(20), i -> !i.status()
                                .isRunning())
                        .exitCode())
                .isZero();
        assertThat(awaitInspection(viaBack, Duration.ofSeconds(20), i -> !i.status()
                                .isRunning())
                        .exitCode())
                .isZero();
        List<ResourceInfo> listed = engine.listNetworks(labels());
        assertThat(listed).extracting(ResourceInfo::name).containsExactlyInAnyOrder(front, back);
        assertThat(listed).allMatch(ResourceInfo::inUse);
        assertThat(listed.get(0).labels()).containsEntry(TEST_LABEL, RUN);

        engine.removeContainer(server);
        engine.removeContainer(viaFront);
        engine.removeContainer(viaBack);
        assertThat(engine.listNetworks(labels())).noneMatch(ResourceInfo::inUse);
    }

    @Test
    void networkModeNoneLeavesTheContainerWithoutNetwork() {
        String id = run(withoutNetwork(name("isolated"), List.of("sleep", "60"), RunOptions.DEFAULTS));

        assertThat(engine.inspect(id).orElseThrow().ipAddresses()).isEmpty();
    }

    /** Created, not started: an engine that runs in a container of its own may lack the rights to start one. */
    @Test
    void aPrivilegedContainerIsCreatedPrivileged() {
        RunOptions privileged = new RunOptions(
                List.of(), null, null, null, null, List.of(), true, false, false, List.of(), List.of(), List.of(), null,
                null, null, null, List.of(), null, null);
        String id = engine.createContainer(withoutNetwork(name("privileged"), List.of("true"), privileged));

        assertThat(docker.inspectContainerCmd(id).exec().getHostConfig().getPrivileged())
                .isTrue();
    }

    @Test
    void stopSendsTheStopSignalGivenOnCreate() throws Exception {
        RunOptions options = new RunOptions(
                List.of(), null, null, null, null, List.of(), false, false, false, List.of(), List.of(), List.of(),
                null, null, null, null, List.of(), null, "SIGINT");
        // Exits 7 on SIGINT and ignores SIGTERM: only the configured signal stops it before the grace runs out.
        String id = run(withoutNetwork(
                name("stop-signal"),
                List.of("sh", "-c", "trap 'exit 7' INT; trap '' TERM; while true; do sleep 0.1; done"),
                options));
        awaitInspection(id, Duration.ofSeconds(5), i -> i.status().isRunning());

        engine.stopContainer(id, Duration.ofSeconds(20));

        assertThat(engine.inspect(id).orElseThrow().exitCode()).isEqualTo(7);
    }

    @Test
    void namedVolumesAreCreatedOnceListedWithTheirUseAndRemoved() throws Exception {
        String volume = name("data");

        assertThat(engine.createVolume(volume, labels())).isTrue();
        assertThat(engine.createVolume(volume, labels())).isFalse();
        assertThat(engine.listVolumes(labels())).containsExactly(new ResourceInfo(volume, volume, labels(), false));

        String writer = run(create(
                name("writer"),
                BUSYBOX,
                List.of("sh", "-c", "echo kept > /data/file"),
                List.of(),
                Map.of(),
                List.of(volume + ":/data")));
        awaitInspection(writer, Duration.ofSeconds(10), i -> !i.status().isRunning());
        String reader = run(create(
                name("reader"),
                BUSYBOX,
                List.of("cat", "/data/file"),
                List.of(),
                Map.of(),
                List.of(volume + ":/data:ro")));
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        engine.followLogs(reader, lines::add, ended::countDown);
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).containsExactly(new LogLine(Stream.STDOUT, "kept"));
        assertThat(engine.listVolumes(labels())).singleElement().matches(ResourceInfo::inUse);

        engine.removeContainer(writer);
        engine.removeContainer(reader);
        engine.removeVolume(volume);
        assertThat(engine.listVolumes(labels())).isEmpty();
    }

    @Test
    void aBindMountOfAHostDirectoryIsReadOnlyWhenAsked() throws Exception {
        Files.writeString(temp.resolve("greeting.txt"), "from the host\n");
        String id = run(create(
                name("bind"),
                BUSYBOX,
                List.of(
                        "sh",
                        "-c",
                        "cat /in/greeting.txt; touch /in/new 2>/dev/null && echo writable || echo read-only"),
                List.of(),
                Map.of(),
                List.of(temp + ":/in:ro")));
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);

        engine.followLogs(id, lines::add, ended::countDown);

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).extracting(LogLine::text).containsExactly("from the host", "read-only");
    }

    @Test
    void healthIsNoneWithoutAHealthCheckAndHealthyOnceTheCheckPasses() throws Exception {
        String plain = run(busybox(name("plain"), List.of("sleep", "60")));
        String healthy = run(create(name("healthy"), HEALTHY, null, List.of(), Map.of(), null));

        assertThat(engine.inspect(plain).orElseThrow().health()).isEqualTo(Health.NONE);
        ContainerInfo info = awaitInspection(healthy, Duration.ofSeconds(20), i -> i.health() == Health.HEALTHY);
        assertThat(info.health()).isEqualTo(Health.HEALTHY);
        // Podman's list shows no health; the waits read it from inspections
        assertThat(engine.listContainers(labels()))
                .filteredOn(c -> c.id().equals(healthy))
                .singleElement()
                .extracting(ContainerInfo::health)
                .isEqualTo(engine.isPodman() ? Health.NONE : Health.HEALTHY);
    }

    @Test
    void aCrashedContainerReportsItsExitCode() throws Exception {
        String id = run(busybox(name("crash"), List.of("sh", "-c", "exit 3")));

        ContainerInfo info =
                awaitInspection(id, Duration.ofSeconds(10), i -> !i.status().isRunning());

        assertThat(info.status()).isEqualTo(Status.EXITED);
        assertThat(info.exitCode()).isEqualTo(3);
        assertThat(info.error()).isEmpty();
    }

    @Test
    void inspectingAContainerThatNeverExistedIsEmpty() {
        assertThat(engine.inspect("dock-it-never-" + RUN)).isEqualTo(Optional.empty());
    }

    @Test
    void imagesAreRemovedByTagAndKeptWhileAContainerUsesThem() {
        String spare = "dock-it-test/spare-" + RUN;
        docker.tagImageCmd(BUSYBOX, spare, "1").exec();
        images.add(spare + ":1");

        assertThat(engine.imageExists(spare + ":1")).isTrue();
        assertThat(engine.removeImage(spare + ":1")).isTrue();
        assertThat(engine.imageExists(spare + ":1")).isFalse();
        assertThat(engine.removeImage(spare + ":1")).isFalse();

        // an image with one tag only, used by a container: the engine refuses
        String container = engine.createContainer(busybox(name("committer"), List.of("true")));
        String only = "dock-it-test/only-" + RUN;
        docker.commitCmd(container).withRepository(only).withTag("1").exec();
        images.add(only + ":1");
        engine.createContainer(create(name("user"), only + ":1", List.of("true"), List.of(), Map.of(), null));
        assertThat(engine.removeImage(only + ":1")).isFalse();
        assertThat(engine.imageExists(only + ":1")).isTrue();
    }

    @Test
    void pruneRemovesDanglingImagesAndReportsThem() {
        String container = engine.createContainer(busybox(name("dangler"), List.of("true")));
        // a commit without repository gives an untagged image: a dangling one
        String dangling = docker.commitCmd(container).withLabels(labels()).exec();

        List<Removed> removed = engine.pruneDanglingImages(labels());

        assertThat(removed)
                .filteredOn(r -> r.name().equals(Ids.shortId(dangling)))
                .singleElement()
                .matches(r -> r.kind().equals("image") && r.bytes() > 0);
        assertThat(engine.imageExists(dangling)).isFalse();
    }

    @Test
    void anArchiveOfDockerSaveIsLoaded() throws Exception {
        String image = "dock-it-test/loaded-" + RUN;
        docker.tagImageCmd(BUSYBOX, image, "1").exec();
        images.add(image + ":1");
        Path archive = temp.resolve("image.tar");
        try (InputStream saved = docker.saveImageCmd(image + ":1").exec()) {
            Files.copy(saved, archive);
        }
        engine.removeImage(image + ":1");
        assertThat(engine.imageExists(image + ":1")).isFalse();

        engine.load(archive);

        assertThat(engine.imageExists(image + ":1")).isTrue();
    }

    @Test
    void loadingAMissingOrBrokenArchiveFailsWithItsPath() throws Exception {
        Path missing = temp.resolve("missing.tar");
        assertThatThrownBy(() -> engine.load(missing))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("Could not load images from " + missing + ": no such file");

        Path broken = Files.writeString(temp.resolve("broken.tar"), "not a tar");
        assertThatThrownBy(() -> engine.load(broken))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Could not load images from " + broken + ": ");
    }

    @Test
    void pullFromAnUnreachableRegistryIsANetworkError() {
        assertThatThrownBy(() -> engine.pull("127.0.0.1:1/dock-it/nothing:1", null, progress -> {}))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Could not pull image '127.0.0.1:1/dock-it/nothing:1' from registry"
                        + " 127.0.0.1:1: network error: the engine could not reach 127.0.0.1:1. Check the registry"
                        + " address, and the network and proxy settings of the engine. The engine said: ");
    }

    @Test
    void pullFromARegistryReportsProgressAndNamesWhatIsMissing() throws Exception {
        Path registryBinary = Path.of("/usr/bin/docker-registry");
        assumeTrue(Files.isExecutable(registryBinary), "no docker-registry to pull from");
        int port = freePort();
        Path config = temp.resolve("registry.yml");
        Files.writeString(
                config,
                "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: "
                        + temp.resolve("registry-data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
        Process registry = new ProcessBuilder(registryBinary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("registry.log").toFile())
                .start();
        try {
            awaitAccepting(port);
            String repository = "127.0.0.1:" + port + "/dock-it/busybox";
            docker.tagImageCmd(BUSYBOX, repository, "1").exec();
            images.add(repository + ":1");
            docker.pushImageCmd(repository)
                    .withTag("1")
                    .exec(new ResultCallback.Adapter<PushResponseItem>())
                    .awaitCompletion(60, TimeUnit.SECONDS);
            engine.removeImage(repository + ":1");
            List<PullProgress> progress = new CopyOnWriteArrayList<>();

            engine.pull(repository + ":1", null, progress::add);

            assertThat(engine.imageExists(repository + ":1")).isTrue();
            assertThat(progress).isNotEmpty();
            PullProgress last = progress.get(progress.size() - 1);
            assertThat(last.image()).isEqualTo(repository + ":1");
            assertThat(last.layersDone()).isEqualTo(last.layersTotal());
            engine.removeImage(repository + ":1");
            engine.pull(
                    repository + ":1",
                    Platform.parse(
                            "linux/" + docker.inspectImageCmd(BUSYBOX).exec().getArch()),
                    p -> {});
            assertThat(engine.imageExists(repository + ":1")).isTrue();
            assertThatThrownBy(() -> engine.pull(repository + ":no-such-tag", null, p -> {}))
                    .isInstanceOf(EngineException.NotFound.class)
                    .hasMessageStartingWith("Could not pull image '" + repository + ":no-such-tag' from registry"
                            + " 127.0.0.1:" + port + ": not found: 127.0.0.1:" + port + " has no such repository or"
                            + " tag. Check <image>. The engine said: ");
        } finally {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClosedEngineRefusesCalls() {
        DockerJavaEngine closed = new DockerJavaEngine(engine.endpoint());
        closed.listContainers(labels());
        closed.close();

        assertThatThrownBy(() -> closed.listContainers(labels()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Could not list containers: ");
    }
}

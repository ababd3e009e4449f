package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.Engine.ResourceInfo;
import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import io.github.dockmaven.core.wait.Waiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterTest {

    private static final String IMAGE = "example/img:1";

    private final InMemoryEngine engine = new InMemoryEngine().image(IMAGE, ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "s3ss10n0-1234-5678", "default", Labels.MODE_LIFECYCLE, "ci/4242");
    private final RunRecord record = new RunRecord(scope);
    private final ImageCache images = new ImageCache();
    private final Map<String, List<String>> output = new ConcurrentHashMap<>();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private Starter starter(Scope scope, ImageCache images) {
        return new Starter(
                engine,
                Console.silent(),
                scope,
                alias -> line -> output.computeIfAbsent(alias, a -> Collections.synchronizedList(new ArrayList<>()))
                        .add(line.text()),
                executor,
                images);
    }

    private void start(Plan plan) {
        starter(scope, images).start(plan, record);
    }

    private String shortId(String alias) {
        return Ids.shortId(engine.idOf(alias));
    }

    @Test
    void startsEachContainerOnlyOnceWhatItDependsOnIsReady() {
        engine.script("db").prints(100, "ready");
        engine.script("api").prints(50, "ready");
        engine.script("web").prints("ready");

        start(plan(
                container("web").dependsOn("api").waitForLog("ready"),
                container("api").dependsOn("db").waitForLog("ready"),
                container("db").waitForLog("ready")));

        assertThat(engine.calls("createContainer")).containsExactly("db", "api", "web");
        assertThat(engine.first("createContainer", "api").seq())
                .isGreaterThan(engine.first("log", "db").seq());
        assertThat(engine.first("createContainer", "web").seq())
                .isGreaterThan(engine.first("log", "api").seq());
        assertThat(record.containers()).extracting(Started::alias).containsExactlyInAnyOrder("db", "api", "web");
    }

    @Test
    void independentContainersStartWhileOthersAreStillGettingReady() {
        // a -> b is a chain of 300ms + 300ms; c alone takes 400ms. In sequence that is 1s, in parallel 600ms.
        engine.script("a").prints(300, "ready");
        engine.script("b").prints(300, "ready");
        engine.script("c").prints(400, "ready");

        start(plan(
                container("a").waitForLog("ready"),
                container("b").dependsOn("a").waitForLog("ready"),
                container("c").waitForLog("ready")));

        InMemoryEngine.Event aStarted = engine.first("running", "a");
        InMemoryEngine.Event aReady = engine.first("log", "a");
        InMemoryEngine.Event cStarted = engine.first("running", "c");
        InMemoryEngine.Event cReady = engine.first("log", "c");
        assertThat(cStarted.seq()).as("c started before a was ready").isLessThan(aReady.seq());
        assertThat(aStarted.seq()).as("a started before c was ready").isLessThan(cReady.seq());
        assertThat(engine.first("createContainer", "b").seq()).isGreaterThan(aReady.seq());
    }

    @Test
    void aCancelledStartStopsWaitingRemovesWhatItCreatedAndSaysItWasCancelled() {
        // 'db' never prints what its wait looks for; the start is cancelled once 'db' was started
        BooleanSupplier cancelled = () -> engine.calls("startContainer").contains("db");

        assertThatThrownBy(() -> starter(scope, images)
                        .start(
                                plan(
                                        container("db").waitForLog("never printed"),
                                        container("web").dependsOn("db")),
                                record,
                                () -> {},
                                cancelled))
                .isInstanceOf(Waiter.Cancelled.class);

        assertThat(engine.calls("createContainer")).containsExactly("db");
        assertThat(engine.calls("removeContainer")).containsExactly("db");
        assertThat(record.containers()).isEmpty();
    }

    @Test
    void aStartCancelledOnceItsLastPostStartCommandBeganFinishesAndLeavesTheRemovalToTheCaller() {
        BooleanSupplier cancelled = () -> engine.calls("exec").contains("db");

        starter(scope, images).start(plan(container("db").postStart("touch", "/ready")), record, () -> {}, cancelled);

        assertThat(record.containers()).extracting(Started::alias).containsExactly("db");
        assertThat(engine.calls("removeContainer")).isEmpty();
    }

    @Test
    void startRecordsThePublishedPortsAndTheAddressOnTheBuildNetwork() {
        start(plan(container("db").port("5432"), container("web").port("18080:80")));

        assertThat(record.containers())
                .extracting(Started::alias, Started::name, Started::ports)
                .containsExactlyInAnyOrder(
                        tuple("db", "shop-db-s3ss10n0", Map.of("5432/tcp", 32768)),
                        tuple("web", "shop-web-s3ss10n0", Map.of("80/tcp", 18080)));
        assertThat(record.containers())
                .extracting(Started::ip)
                .doesNotHaveDuplicates()
                .allSatisfy(ip -> assertThat(ip).startsWith("172.18.0."));
        assertThat(record.networks()).containsExactly("shop-net-s3ss10n0");
    }

    @Test
    void aContainerOnDockersDefaultBridgeJoinsItWithoutAnAliasAndNoBuildNetworkIsCreated() {
        engine.givenNetwork("bridge", Map.of());
        engine.givenNetwork("shared", Map.of());

        start(plan(
                container("web").port("80").networks("bridge"), container("db").networks("bridge", "shared")));

        assertThat(record.containers()).extracting(Started::alias).containsExactlyInAnyOrder("web", "db");
        assertThat(record.networks()).isEmpty();
        assertThat(engine.networks()).extracting(ResourceInfo::name).containsExactlyInAnyOrder("bridge", "shared");
    }

    @Test
    void everyCreatedResourceCarriesTheLabelsOfTheScope() {
        engine.image("example/cache:7", ImageState.PULLABLE);

        start(plan(
                container("db").volume("data", "/var/lib/data"),
                container("cache").image("example/cache:7").dependsOn("db")));

        Map<String, String> labels = scope.labels();
        assertThat(engine.containers()).hasSize(2).allSatisfy(c -> assertThat(c.labels())
                .containsAllEntriesOf(labels));
        assertThat(engine.networks()).hasSize(1).allSatisfy(n -> assertThat(n.labels())
                .containsAllEntriesOf(labels));
        assertThat(engine.volumes()).hasSize(1).allSatisfy(v -> assertThat(v.labels())
                .containsAllEntriesOf(labels));
        assertThat(engine.container("cache").orElseThrow().labels())
                .containsEntry(Labels.ALIAS, "cache")
                .containsEntry(Labels.DEPENDS_ON, "db")
                .containsEntry(Labels.STOP_MODE, "stop")
                .containsEntry(Labels.STOP_TIMEOUT, "3000");
    }

    @Test
    void namesAreUniquePerContainerPerSessionAndPerExecution() {
        start(plan(container("db").volume("data", "/data"), container("app")));
        Scope otherSession =
                new Scope("com.example:shop", "shop", "0th3r5e5-9", "default", Labels.MODE_LIFECYCLE, "ci/4243");
        starter(otherSession, images).start(plan(container("db"), container("app")), new RunRecord(otherSession));
        Scope otherExecution = new Scope(
                "com.example:shop", "shop", "s3ss10n0-1234-5678", "start-db", Labels.MODE_LIFECYCLE, "ci/4242");
        starter(otherExecution, images).start(plan(container("db"), container("app")), new RunRecord(otherExecution));

        assertThat(engine.containers())
                .extracting(ContainerInfo::name)
                .containsExactlyInAnyOrder(
                        "shop-db-s3ss10n0",
                        "shop-app-s3ss10n0",
                        "shop-db-0th3r5e5",
                        "shop-app-0th3r5e5",
                        "shop-start-db-db-s3ss10n0",
                        "shop-start-db-app-s3ss10n0");
        assertThat(engine.networks())
                .extracting(Engine.ResourceInfo::name)
                .containsExactlyInAnyOrder("shop-net-s3ss10n0", "shop-net-0th3r5e5", "shop-start-db-net-s3ss10n0");
        assertThat(engine.volumes()).extracting(Engine.ResourceInfo::name).containsExactly("shop-vol-data-s3ss10n0");
    }

    @Test
    void createsNoContainerBeforeWhatMayFreeItsNameAndPortsIsDoneButChecksImagesMeanwhile() {
        long[] lastBeforeCleared = new long[1];

        starter(scope, images).start(plan(container("db"), container("app")), record, () -> {
            // returns only if the image check and the network creation happen while this runs
            awaitEngine(() ->
                    engine.happened("imageExists", IMAGE) && engine.happened("createNetwork", "shop-net-s3ss10n0"));
            List<InMemoryEngine.Event> events = engine.events();
            lastBeforeCleared[0] = events.get(events.size() - 1).seq();
        });

        assertThat(engine.first("createContainer", "db").seq()).isGreaterThan(lastBeforeCleared[0]);
        assertThat(engine.first("createContainer", "app").seq()).isGreaterThan(lastBeforeCleared[0]);
    }

    @Test
    void aFailureBeforeTheContainersRemovesWhatWasCreatedMeanwhile() {
        RuntimeException broken = new EngineException("the engine went away");

        assertThatThrownBy(() -> starter(scope, images).start(plan(container("db"), container("app")), record, () -> {
                    awaitEngine(() -> engine.happened("createNetwork", "shop-net-s3ss10n0"));
                    throw broken;
                }))
                .isSameAs(broken);

        assertThat(engine.happened("removeNetwork", "shop-net-s3ss10n0")).isTrue();
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void anErrorInAStepFailsTheStartWithThatErrorAndRemovesWhatWasCreated() {
        NoClassDefFoundError missing = new NoClassDefFoundError("com/example/Missing");
        engine.script("app").throwsOnStart(missing);

        assertThatThrownBy(() -> start(plan(container("db"), container("app")))).isSameAs(missing);

        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
    }

    /** Returns once the engine did what {@code done} looks for; fails the test if it does not within 5s. */
    private static void awaitEngine(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engine was not asked in time");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aLoneContainerRunsOnTheEnginesDefaultNetworkWithoutANetworkOfItsOwn() {
        start(plan(container("db")));

        assertThat(engine.networks()).isEmpty();
        assertThat(record.networks()).isEmpty();
        assertThat(engine.created()).singleElement().satisfies(create -> {
            assertThat(create.networks()).isEmpty();
            assertThat(create.networkMode()).isNull();
        });
    }

    @Test
    void containersThatCanFindEachOtherShareTheBuildsNetworkUnderTheirAliases() {
        start(plan(container("db"), container("app"), container("proxy").networks("host")));

        assertThat(engine.networks()).extracting(Engine.ResourceInfo::name).containsExactly("shop-net-s3ss10n0");
        assertThat(engine.created())
                .extracting(ContainerCreate::name, ContainerCreate::networks)
                .containsExactlyInAnyOrder(
                        tuple("shop-db-s3ss10n0", Map.of("shop-net-s3ss10n0", List.of("db"))),
                        tuple("shop-app-s3ss10n0", Map.of("shop-net-s3ss10n0", List.of("app"))),
                        tuple("shop-proxy-s3ss10n0", Map.of()));
    }

    @Test
    void aContainerJoinsTheBuildsNetworkAndAnExistingOneUnderItsAliasWithoutCreatingTheExistingOne() {
        engine.givenNetwork("shared-infra", Map.of());

        start(plan(container("db"), container("app").networks(ContainerSpec.BUILD_NETWORK, "shared-infra")));

        assertThat(engine.calls("createNetwork")).containsExactly("shop-net-s3ss10n0");
        assertThat(engine.created())
                .filteredOn(create -> create.name().equals("shop-app-s3ss10n0"))
                .singleElement()
                .extracting(ContainerCreate::networks)
                .isEqualTo(Map.of("shop-net-s3ss10n0", List.of("app"), "shared-infra", List.of("app")));
    }

    @Test
    void anExternalVolumeIsMountedByItsOwnNameAndNeitherCreatedNorRecorded() {
        start(plan(container("db").externalVolume("team-cache", "/cache")));

        assertThat(engine.calls("createVolume")).isEmpty();
        assertThat(record.volumes()).isEmpty();
        assertThat(engine.created()).singleElement().satisfies(create -> assertThat(create.binds())
                .containsExactly("team-cache:/cache"));
    }

    @Test
    void theRunOptionsReachTheCreateTheNetworkAliasesTheBuildsNetworkAndThePlatformThePull() {
        engine.image("example/arm:1", ImageState.PULLABLE);
        RunOptions options = new RunOptions(
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                false,
                true,
                false,
                List.of(),
                List.of(),
                List.of(),
                Platform.parse("linux/arm64/v8"),
                "box",
                null,
                null,
                List.of("cache", "store"),
                null,
                null);

        start(plan(container("db").image("example/arm:1").options(options), container("app")));

        assertThat(engine.first("pull", "example/arm:1").detail()).isEqualTo("linux/arm64/v8");
        assertThat(engine.created())
                .filteredOn(create -> create.name().equals("shop-db-s3ss10n0"))
                .singleElement()
                .satisfies(create -> {
                    assertThat(create.options()).isSameAs(options);
                    assertThat(create.networks())
                            .isEqualTo(Map.of("shop-net-s3ss10n0", List.of("db", "cache", "store")));
                });
    }

    @Test
    void aOneShotJobAwaitedUntilItExitedZeroIsReadyThenAndItsDependentsAreCreatedOnlyAfterItsExit() {
        engine.script("migrate").prints("migrating").exits(50, 0);

        start(plan(container("migrate").waitForExit(0), container("app").dependsOn("migrate")));

        assertThat(engine.first("createContainer", "app").seq())
                .isGreaterThan(engine.first("exit", "migrate").seq());
        assertThat(record.containers()).extracting(Started::alias).containsExactly("migrate", "app");
    }

    @Test
    void aContainerThatExitsWhileAwaitedRemovesEverythingThisExecutionCreated() {
        engine.script("db").prints("ready");
        engine.script("app").prints("starting", "fatal: no config").exits(50, 3);

        BuildFailure failure = catchThrowableOfType(
                BuildFailure.class,
                () -> start(plan(
                        container("db").volume("data", "/var/lib/data").waitForLog("ready"),
                        container("app").dependsOn("db").waitForLog("listening"),
                        container("web").dependsOn("app"))));

        assertThat(Elapsed.masked(failure.getMessage()))
                .isEqualTo("Container 'app' (example/img:1, " + shortId("app") + ") exited with code 3 after"
                        + " <elapsed> while waiting for a log line matching 'listening'. Last 2 log lines:\n"
                        + "  | starting\n"
                        + "  | fatal: no config");
        assertThat(engine.happened("createContainer", "web")).isFalse();
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
        assertThat(record.containers()).isEmpty();
        assertThat(record.networks()).isEmpty();
        assertThat(record.volumes()).isEmpty();
        assertThat(output.get("app")).containsExactly("starting", "fatal: no config");
    }

    @Test
    void aContainerThatIsNotReadyInTimeRemovesEverythingThisExecutionCreated() {
        engine.script("db").prints("starting");
        engine.script("cache").prints("ready");

        // a clock that moves 50ms per read: db's 200ms pass after a few polls, cache's 10s do not
        AtomicLong clock = new AtomicLong();
        Starter starter = new Starter(
                engine,
                Console.silent(),
                scope,
                alias -> line -> {},
                executor,
                images,
                PullDisplay.lines(Console.silent(), Starter.PULL_PROGRESS_EVERY),
                () -> clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(50)));

        assertThatThrownBy(() -> starter.start(
                        plan(
                                container("cache").waitForLog("ready"),
                                container("db")
                                        .volume("data", "/var/lib/data")
                                        .readiness(new WaitSpec(
                                                Pattern.compile("ready"),
                                                List.of(),
                                                null,
                                                false,
                                                null,
                                                Duration.ofMillis(200))),
                                container("app").dependsOn("db", "cache")),
                        record))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Container 'db' (example/img:1, " + shortId("db") + ") was not ready after 200ms: no log"
                        + " line matched 'ready'. Fix the container, or raise <wait><timeout> if it needs longer. Last"
                        + " log line:\n"
                        + "  | starting");
        assertThat(engine.happened("createContainer", "app")).isFalse();
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
    }

    @Test
    void aHostPortConflictNamesWhoHoldsThePortAndRemovesTheCreatedContainer() {
        String legacy = engine.givenContainer(
                "legacy", "nginx:1", Map.of(), Status.RUNNING, List.of(PortMapping.parse("18080:80")), List.of());
        engine.script("db").prints("ready");

        BuildFailure failure = catchThrowableOfType(
                BuildFailure.class,
                () -> start(plan(
                        container("db").waitForLog("ready"), container("web").port("18080:8080"))));

        assertThat(failure)
                .hasMessage("Container 'web' (example/img:1, " + shortId("web") + ") could not start: driver failed"
                        + " programming external connectivity on endpoint shop-web-s3ss10n0: Bind for"
                        + " 0.0.0.0:18080 failed: port is already allocated; host port 18080 is published by"
                        + " container legacy (" + Ids.shortId(legacy) + "). Free that host port, or let Docker"
                        + " choose a free one by giving only the container port in <port>.")
                .hasCauseInstanceOf(EngineException.Conflict.class);
        assertThat(engine.happened("removeContainer", "web"))
                .as("created, never started, still removed")
                .isTrue();
        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("legacy");
        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void aNameInUseNamesTheContainerThatHasIt() {
        String other = engine.givenContainer("mydb", "postgres:15", Map.of(), Status.EXITED);

        assertThatThrownBy(() -> start(plan(container("db").name("mydb"))))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Container 'db' (example/img:1) cannot be created: the name 'mydb' is already in use"
                        + " by container " + Ids.shortId(other) + ", which was not created by this plugin. Choose"
                        + " another <name>, or remove that container.");
        assertThat(engine.containers()).extracting(ContainerInfo::id).containsExactly(other);
        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void theFirstFailureIsThrownAndContainersStillWaitingAreGivenUpAndRemoved() {
        // 'broken' exits once 'slow' had ample time to be created and to begin its (long) wait.
        engine.script("broken").exits(300, 1);
        engine.script("slow").prints(60_000, "ready");

        BuildFailure failure = catchThrowableOfType(
                BuildFailure.class,
                () -> start(plan(
                        container("slow").waitForLog("ready"),
                        container("broken").waitForLog("ready"),
                        container("after").dependsOn("slow"))));

        assertThat(Elapsed.masked(failure.getMessage()))
                .isEqualTo("Container 'broken' (example/img:1, " + shortId("broken") + ") exited with code 1 after"
                        + " <elapsed> while waiting for a log line matching 'ready'. It printed no output.");
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(engine.first("running", "slow").seq())
                .isLessThan(engine.first("exit", "broken").seq());
        assertThat(engine.happened("removeContainer", "slow")).isTrue();
        assertThat(engine.happened("createContainer", "after")).isFalse();
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aMissingImageWithPullPolicyNeverFailsWithTheFixAndLeavesNothing() {
        assertThatThrownBy(() -> start(plan(
                        container("db"), container("app").image("example/app:2").pullPolicy(PullPolicy.NEVER))))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Image 'example/app:2' of container 'app' is not present locally, and its <pullPolicy>"
                        + " is never. Build or pull it first (docker pull example/app:2), or set"
                        + " <pullPolicy>missing</pullPolicy>.");
        assertThat(engine.calls("pull")).isEmpty();
        assertThat(engine.calls("createContainer")).doesNotContain("app");
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void aMissingImageIsPulledOnceAndAPresentOneNotAtAll() {
        engine.image("example/app:2", ImageState.PULLABLE);

        start(plan(
                container("db"),
                container("app1").image("example/app:2"),
                container("app2").image("example/app:2").dependsOn("app1")));

        assertThat(engine.pullCount("example/app:2")).isEqualTo(1);
        assertThat(engine.calls("pull")).containsExactly("example/app:2");
        assertThat(engine.first("pull", "example/app:2").seq())
                .isLessThan(engine.first("createContainer", "app1").seq());
    }

    @Test
    void anImageThatCannotBePulledFailsWithTheEnginesReasonAndLeavesNothing() {
        assertThatThrownBy(() -> start(plan(container("db"), container("app").image("example/typo:1"))))
                .isInstanceOf(EngineException.NotFound.class)
                .hasMessage("pull access denied for example/typo:1, repository does not exist or may require"
                        + " 'docker login'");
        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void pullPolicyAlwaysPullsOncePerImageCacheEvenWhenContainersShareTheImage() {
        start(plan(
                container("a").pullPolicy(PullPolicy.ALWAYS),
                container("b").pullPolicy(PullPolicy.ALWAYS),
                container("c").pullPolicy(PullPolicy.ALWAYS).dependsOn("a")));
        Scope secondExecution =
                new Scope("com.example:shop", "shop", "s3ss10n0-1234-5678", "second", Labels.MODE_LIFECYCLE, "ci/4242");
        starter(secondExecution, images)
                .start(plan(container("d").pullPolicy(PullPolicy.ALWAYS)), new RunRecord(secondExecution));

        assertThat(engine.pullCount(IMAGE)).isEqualTo(1);

        Scope nextBuild =
                new Scope("com.example:shop", "shop", "n3xtbu1ld-1", "default", Labels.MODE_LIFECYCLE, "ci/4250");
        starter(nextBuild, new ImageCache())
                .start(plan(container("a").pullPolicy(PullPolicy.ALWAYS)), new RunRecord(nextBuild));

        assertThat(engine.pullCount(IMAGE)).isEqualTo(2);
    }

    @Test
    void containersSharingAnImageEachGetTheirOwnPullPolicyWhicheverIsDeclaredFirst() {
        start(plan(
                container("cache").pullPolicy(PullPolicy.MISSING),
                container("app").pullPolicy(PullPolicy.ALWAYS),
                container("tool").pullPolicy(PullPolicy.NEVER)));

        assertThat(engine.pullCount(IMAGE))
                .as("'app' pulls, though 'cache' found the image present")
                .isEqualTo(1);
        assertThat(engine.first("pull", IMAGE).seq())
                .isLessThan(engine.first("createContainer", "cache").seq());
    }

    @Test
    void aContainerThatMustNotPullFindsTheImageAnotherContainerOfItPulled() {
        engine.image("example/app:2", ImageState.PULLABLE);

        start(plan(
                container("tool").image("example/app:2").pullPolicy(PullPolicy.NEVER),
                container("app").image("example/app:2").pullPolicy(PullPolicy.MISSING)));

        assertThat(engine.calls("pull")).containsExactly("example/app:2");
        assertThat(engine.calls("createContainer")).containsExactlyInAnyOrder("tool", "app");
    }

    @Test
    void aBindMountOfAMissingHostPathFailsBeforeAnythingIsCreated(@TempDir Path dir) {
        Path missing = dir.resolve("conf");

        assertThatThrownBy(() -> start(plan(container("db"), container("app").bind(missing.toString(), "/etc/app"))))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Container 'app' (example/img:1) mounts " + missing + " at /etc/app, but that host path"
                        + " does not exist. Create it, or fix the path in <volumes> (a relative path is resolved"
                        + " against the project's directory).");
        assertThat(engine.events()).isEmpty();
    }

    @Test
    void theOutputOfEachContainerGoesToItsOwnSink() {
        engine.script("db").prints("db line 1", "db line 2");
        engine.script("app").prints("app line");

        start(plan(container("db").waitForLog("line 2"), container("app").waitForLog("app")));

        assertThat(output.get("db")).containsExactly("db line 1", "db line 2");
        assertThat(output.get("app")).containsExactly("app line");
    }
}

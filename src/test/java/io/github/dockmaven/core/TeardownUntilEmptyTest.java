package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Status;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The teardown of a build that is aborted or gone: everything killed, and looked for again until nothing is left. */
class TeardownUntilEmptyTest {

    private static final String SESSION = "s3ss10n";

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ManualClock clock = new ManualClock();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private static Map<String, String> labels(String session, String mode, String alias) {
        Map<String, String> labels =
                new LinkedHashMap<>(new Scope("com.example:shop", "shop", session, "default", mode, "ci/1").labels());
        if (alias != null) {
            labels.put(Labels.ALIAS, alias);
        }
        return labels;
    }

    private TeardownReport removeTheSession(Engine from, Predicate<String> keep, Duration settle, Duration limit) {
        return new Teardown(from, Console.silent(), executor, clock)
                .remove(
                        Selection.byLabels(Labels.ofLifecycleSession(SESSION))
                                .sparing(found -> keep.test(found.id()) || keep.test(found.name())),
                        RemovalPolicy.killUntilEmpty(settle, limit));
    }

    private List<String> remaining() {
        return java.util.stream.Stream.of(
                        engine.containers().stream().map(ContainerInfo::name),
                        engine.networks().stream().map(Engine.ResourceInfo::name),
                        engine.volumes().stream().map(Engine.ResourceInfo::name))
                .flatMap(s -> s)
                .toList();
    }

    @Test
    void killsAndRemovesEverythingTheSessionCreatedInTheLifecycle() {
        String db = engine.givenContainer(
                "shop-db-s3ss10n", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        String app = engine.givenContainer(
                "shop-app-s3ss10n", "example/app:1", labels(SESSION, Labels.MODE_LIFECYCLE, "app"), Status.EXITED);
        engine.givenNetwork("shop-net-s3ss10n", labels(SESSION, Labels.MODE_LIFECYCLE, null));
        engine.givenVolume("shop-vol-data-s3ss10n", labels(SESSION, Labels.MODE_LIFECYCLE, null));

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ZERO, Duration.ofSeconds(5));

        assertThat(remaining()).isEmpty();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.total()).isEqualTo(4);
        assertThat(report.summary())
                .isEqualTo("2 containers ('db' (example/db:1, " + Ids.shortId(db) + "), 'app' (example/app:1, "
                        + Ids.shortId(app) + ")), 1 network and 1 volume");
        assertThat(engine.happened("stopContainer", "db"))
                .as("no grace: killed")
                .isFalse();
    }

    @Test
    void leavesOtherSessionsCommandLineRunsKeptRunsAndWhatItIsToldToKeep() {
        engine.givenContainer("other", "example/db:1", labels("other", Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        engine.givenContainer("cli", "example/db:1", labels(SESSION, Labels.MODE_CLI, "db"), Status.RUNNING);
        engine.givenContainer("kept", "example/db:1", labels(SESSION, Labels.MODE_KEPT, "db"), Status.RUNNING);
        engine.givenContainer("foreign", "example/db:1", Map.of(), Status.RUNNING);
        String told = engine.givenContainer(
                "told", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        engine.givenVolume("told-volume", labels(SESSION, Labels.MODE_LIFECYCLE, null));
        engine.givenContainer("gone", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);

        TeardownReport report = removeTheSession(
                engine, name -> name.equals(told) || name.equals("told-volume"), Duration.ZERO, Duration.ofSeconds(5));

        assertThat(remaining()).containsExactlyInAnyOrder("other", "cli", "kept", "foreign", "told", "told-volume");
        assertThat(report.summary()).startsWith("1 container ('db' (example/db:1, ");
    }

    @Test
    void catchesAContainerThatLandsWhileItSettles() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        // a creation the dead build had sent, landing a moment later
        clock.at(
                Duration.ofMillis(400),
                () -> engine.givenContainer(
                        "app", "example/app:1", labels(SESSION, Labels.MODE_LIFECYCLE, "app"), Status.CREATED));

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(remaining()).isEmpty();
        assertThat(report.containers()).extracting(Started::alias).containsExactly("db", "app");
        assertThat(clock.elapsed()).as("settled for the whole second").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void endsAtOnceWhenNothingIsLeftAndThereIsNothingToSettle() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);

        removeTheSession(engine, name -> false, Duration.ZERO, Duration.ofSeconds(5));

        assertThat(clock.pauses()).isEmpty();
    }

    @Test
    void asksAnEngineThatDoesNotAnswerAgainEverySecondUntilItDoes() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        AtomicInteger listings = new AtomicInteger();
        Engine restarting = failingListings(() -> listings.incrementAndGet() <= 2);

        TeardownReport report = removeTheSession(restarting, name -> false, Duration.ZERO, Duration.ofSeconds(10));

        assertThat(remaining()).isEmpty();
        assertThat(report.isComplete()).isTrue();
        assertThat(clock.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void givesUpOnAnEngineThatNeverAnswersAtTheLimit() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        Engine gone = failingListings(() -> true);

        TeardownReport report = removeTheSession(gone, name -> false, Duration.ZERO, Duration.ofMillis(1500));

        assertThat(clock.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(500));
        assertThat(report.isComplete()).isFalse();
        assertThat(report.failures())
                .containsExactly(
                        "Could not list containers: Cannot connect to the engine at unix:///var/run/docker.sock");
        assertThat(remaining()).containsExactly("db");
    }

    @Test
    void givesUpOnResourcesThatKeepAppearingAtTheLimitAndSaysSo() {
        for (int i = 1; i <= 3; i++) {
            String alias = "app" + i;
            clock.at(
                    Duration.ofMillis(250L * i),
                    () -> engine.givenContainer(
                            alias, "example/app:1", labels(SESSION, Labels.MODE_LIFECYCLE, alias), Status.CREATED));
        }

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ofSeconds(5), Duration.ofMillis(500));

        assertThat(report.failures()).containsExactly("resources of the build were still appearing after 500ms");
        assertThat(report.containers()).extracting(Started::alias).containsExactly("app1", "app2");
    }

    @Test
    void aLimitShorterThanTheSettleEndsAQuietSettleWithoutAFailure() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThat(report.isComplete()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(remaining()).isEmpty();
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void reportsWhatCouldNotBeRemoved() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        engine.script("db").failsOnRemove("device or resource busy");

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ZERO, Duration.ofMillis(1500));

        assertThat(report.isComplete()).isFalse();
        assertThat(report.failures()).singleElement().asString().endsWith(": device or resource busy");
        assertThat(report.summary()).isEqualTo("0 containers, 0 networks and 0 volumes");
    }

    @Test
    @Timeout(30)
    void aNetworkTheEngineRefusesAsStuckIsAskedOnceNotAgainUntilTheLimit() {
        engine.givenContainer("db", "example/db:1", labels(SESSION, Labels.MODE_LIFECYCLE, "db"), Status.RUNNING);
        engine.givenNetwork("shop-net-s3ss10n", labels(SESSION, Labels.MODE_LIFECYCLE, null));
        engine.keepsAsStuck("shop-net-s3ss10n");

        TeardownReport report = removeTheSession(engine, name -> false, Duration.ZERO, Duration.ofSeconds(15));

        assertThat(report.isComplete()).isTrue();
        assertThat(report.stuck()).containsExactly("shop-net-s3ss10n");
        assertThat(engine.calls("removeNetwork")).containsExactly("shop-net-s3ss10n");
        assertThat(clock.pauses()).isEmpty();
        assertThat(remaining()).containsExactly("shop-net-s3ss10n");
    }

    /** The engine, with container listings failing while {@code failing} says so. */
    private Engine failingListings(java.util.function.BooleanSupplier failing) {
        return (Engine) Proxy.newProxyInstance(
                Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listContainers") && failing.getAsBoolean()) {
                        throw new EngineException(
                                "Could not list containers: Cannot connect to the engine at unix:///var/run/docker.sock");
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

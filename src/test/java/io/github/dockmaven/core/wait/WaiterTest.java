package io.github.dockmaven.core.wait;

import static io.github.dockmaven.core.wait.Containers.created;
import static io.github.dockmaven.core.wait.Containers.exited;
import static io.github.dockmaven.core.wait.Containers.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerLog;
import io.github.dockmaven.core.Elapsed;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.WaitSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WaiterTest {

    private static final String SUBJECT = "Container 'db' (postgres:16, 0123456789ab)";
    private static final Duration LONG = Duration.ofSeconds(60);

    private final ContainerLog log = new ContainerLog(line -> {});

    /** A clock that moves 100ms each time it is read: a timeout passes after a few polls, not after real time. */
    private final AtomicLong clock = new AtomicLong();

    /** The container's states, one per poll, the last one repeated; {@link #onPoll} runs before each poll answers. */
    private final class Scripted implements Supplier<Optional<ContainerInfo>> {
        private final List<ContainerInfo> states;
        private final AtomicInteger polls = new AtomicInteger();
        private final List<Runnable> onPoll = new ArrayList<>();

        Scripted(ContainerInfo... states) {
            this.states = List.of(states);
        }

        /** Prints {@code line} just before the {@code poll}th poll (1-based) answers. */
        Scripted printsAtPoll(int poll, String line) {
            onPoll.add(() -> {
                if (polls.get() == poll) {
                    print(line);
                }
            });
            return this;
        }

        @Override
        public Optional<ContainerInfo> get() {
            int n = polls.incrementAndGet();
            onPoll.forEach(Runnable::run);
            ContainerInfo state = states.get(Math.min(n, states.size()) - 1);
            if (!state.status().isRunning() && state.status() != ContainerInfo.Status.CREATED) {
                // The engine ends the output when the container stops.
                log.ended();
            }
            return Optional.of(state);
        }
    }

    private void print(String... lines) {
        for (String line : lines) {
            log.accept(new LogLine(LogLine.Stream.STDOUT, line));
        }
    }

    private void await(WaitSpec spec, Supplier<Optional<ContainerInfo>> inspect) {
        new Waiter(spec, () -> clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)))
                .await(SUBJECT, inspect, log, "127.0.0.1", () -> false);
    }

    private static WaitSpec waitFor(
            Pattern log, List<Integer> tcp, WaitSpec.Http http, boolean healthy, Integer exit, Duration timeout) {
        return new WaitSpec(log, tcp, http, healthy, exit, timeout);
    }

    private static WaitSpec logLine(String regex, Duration timeout) {
        return waitFor(Pattern.compile(regex), List.of(), null, false, null, timeout);
    }

    private static WaitSpec exitCode(int code, Duration timeout) {
        return waitFor(null, List.of(), null, false, code, timeout);
    }

    private static WaitSpec defaultWait(Duration timeout) {
        return waitFor(null, List.of(), null, false, null, timeout);
    }

    @Test
    void aLogLinePrintedBeforeTheWaitBeganStillCounts() {
        print("database system is ready to accept connections");
        Scripted inspect = new Scripted(running());

        await(logLine("ready to accept", LONG), inspect);

        assertThat(inspect.polls).hasValue(1);
    }

    @Test
    void aLogPatternIsFoundAnywhereInALineNotMatchedAgainstTheWholeLine() {
        Scripted inspect = new Scripted(running()).printsAtPoll(2, "2024-01-01 LOG: ready (pid 1)");

        await(logLine("ready \\(pid \\d+\\)", LONG), inspect);

        assertThat(inspect.polls).hasValue(2);
    }

    @Test
    void everyConditionMustHoldBeforeTheWaitEnds() {
        // Healthy from the 2nd poll, the log line at the 4th: ready at the 4th, not before.
        Scripted inspect = new Scripted(running(Health.STARTING), running(Health.HEALTHY)).printsAtPoll(4, "ready");

        await(waitFor(Pattern.compile("ready"), List.of(), null, true, null, LONG), inspect);

        assertThat(inspect.polls).hasValue(4);
    }

    @Test
    void aContainerThatIsCreatedButNotYetRunningIsWaitedFor() {
        Scripted inspect = new Scripted(created(), created(), running());

        await(defaultWait(LONG), inspect);

        assertThat(inspect.polls).hasValue(3);
    }

    @Test
    @Timeout(10)
    void aContainerThatExitsFailsAtOnceWithItsExitCodeAndLastLines() {
        print("starting", "FATAL: password authentication is not configured");
        Scripted inspect = new Scripted(running(), running(), exited(2));

        BuildFailure failure = catchThrowableOfType(BuildFailure.class, () -> await(logLine("ready", LONG), inspect));

        assertThat(Elapsed.masked(failure.getMessage()))
                .isEqualTo(SUBJECT + " exited with code 2 after <elapsed> while waiting for a log line matching"
                        + " 'ready'. Last 2 log lines:\n"
                        + "  | starting\n"
                        + "  | FATAL: password authentication is not configured");
        assertThat(inspect.polls).as("no poll after the exit").hasValue(3);
    }

    @Test
    @Timeout(10)
    void anExitMessageCarriesTheEnginesErrorAndSaysWhenThereWasNoOutput() {
        Scripted inspect = new Scripted(exited(127, "exec: \"pg_ctl\": executable file not found in $PATH"));

        assertThatThrownBy(() -> await(defaultWait(LONG), inspect))
                .isInstanceOf(BuildFailure.class)
                .extracting(e -> Elapsed.masked(e.getMessage()))
                .isEqualTo(SUBJECT + " exited with code 127 (exec: \"pg_ctl\": executable file not found in $PATH)"
                        + " after <elapsed> while waiting for running (and healthy, if its image has a HEALTHCHECK)."
                        + " It printed no output.");
    }

    @Test
    void theTimeoutMessageListsEveryConditionThatDidNotHold() throws IOException {
        int closedTcp = closedPort();
        int closedHttp = closedPort();
        print("starting");
        Scripted inspect = new Scripted(running(Health.NONE, Map.of("5432/tcp", closedTcp, "8080/tcp", closedHttp)));
        WaitSpec spec = waitFor(
                Pattern.compile("ready"),
                List.of(5432),
                new WaitSpec.Http(8080, "/health", "GET", 200, 399),
                false,
                null,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> await(spec, inspect))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " was not ready after 300ms: no log line matched 'ready'; TCP port 5432"
                        + " (127.0.0.1:" + closedTcp + ") did not accept a connection: Connection refused; GET"
                        + " http://127.0.0.1:" + closedHttp + "/health failed: Connection refused. Fix the"
                        + " container, or raise <wait><timeout> if it needs longer. Last log line:\n"
                        + "  | starting");
    }

    @Test
    void aConditionThatHeldOnceIsNotAskedAgainAndNotListedAtTheTimeout() {
        print("ready");
        Scripted inspect = new Scripted(running(Health.STARTING));

        assertThatThrownBy(() -> await(
                        waitFor(Pattern.compile("ready"), List.of(), null, true, null, Duration.ofMillis(200)),
                        inspect))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " was not ready after 200ms: its health is starting. Fix the container, or"
                        + " raise <wait><timeout> if it needs longer. Last log line:\n"
                        + "  | ready");
    }

    @Test
    void anExitConditionHoldsWhenTheContainerExitsWithThatCode() {
        Scripted inspect = new Scripted(running(), running(), exited(0));

        await(exitCode(0, LONG), inspect);

        assertThat(inspect.polls).hasValue(3);
    }

    @Test
    @Timeout(10)
    void anExitConditionFailsAtOnceWhenTheContainerExitsWithAnotherCode() {
        print("migrating", "ERROR: relation \"users\" already exists");
        Scripted inspect = new Scripted(running(), exited(1));

        assertThatThrownBy(() -> await(exitCode(0, LONG), inspect))
                .isInstanceOf(BuildFailure.class)
                .extracting(e -> Elapsed.masked(e.getMessage()))
                .isEqualTo(SUBJECT + " exited with code 1 after <elapsed>, but it had to exit with code 0. Last 2"
                        + " log lines:\n"
                        + "  | migrating\n"
                        + "  | ERROR: relation \"users\" already exists");
    }

    @Test
    void anExitConditionTimesOutWhileTheContainerStillRuns() {
        Scripted inspect = new Scripted(running());

        assertThatThrownBy(() -> await(exitCode(0, Duration.ofMillis(150)), inspect))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " was not ready after 150ms: it is still running, but it has to exit with"
                        + " code 0. Fix the container, or raise <wait><timeout> if it needs longer. It"
                        + " printed no output.");
    }

    @Test
    void anExitConditionWithALogConditionHoldsWhenTheLineWasPrintedJustBeforeTheExit() {
        // A one-shot job prints its last line and exits between two polls.
        Scripted inspect = new Scripted(running(), exited(0)).printsAtPoll(2, "migration done");

        assertThatCode(() ->
                        await(waitFor(Pattern.compile("migration done"), List.of(), null, false, 0, LONG), inspect))
                .doesNotThrowAnyException();
    }

    @Test
    @Timeout(10)
    void anExitConditionWithALogConditionFailsWhenTheLineNeverCame() {
        print("migrating");
        Scripted inspect = new Scripted(running(), exited(0));

        assertThatThrownBy(() ->
                        await(waitFor(Pattern.compile("migration done"), List.of(), null, false, 0, LONG), inspect))
                .isInstanceOf(BuildFailure.class)
                .extracting(e -> Elapsed.masked(e.getMessage()))
                .isEqualTo(SUBJECT + " exited with code 0 after <elapsed> as it had to, but no log line"
                        + " matched 'migration done'. Last log line:\n"
                        + "  | migrating");
    }

    @Test
    void theDefaultWaitEndsAtOnceForARunningContainerWithoutHealthCheck() {
        Scripted inspect = new Scripted(running(Health.NONE));

        await(defaultWait(LONG), inspect);

        assertThat(inspect.polls).hasValue(1);
    }

    @Test
    void theDefaultWaitWaitsForHealthyWhenTheImageHasAHealthCheck() {
        Scripted inspect = new Scripted(
                running(Health.STARTING), running(Health.STARTING), running(Health.STARTING), running(Health.HEALTHY));

        await(defaultWait(LONG), inspect);

        assertThat(inspect.polls).hasValue(4);
    }

    @Test
    void theDefaultWaitTimesOutNamingTheHealth() {
        Scripted inspect = new Scripted(running(Health.UNHEALTHY));

        assertThatThrownBy(() -> await(defaultWait(Duration.ofMillis(100)), inspect))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " was not ready after 100ms: its image has a HEALTHCHECK and its health is"
                        + " unhealthy. Fix the container, or raise <wait><timeout> if it needs longer. It printed no"
                        + " output.");
    }

    @Test
    @Timeout(5)
    void waitingForHealthyOnAnImageWithoutHealthcheckFailsAtOnce() {
        WaitSpec healthy = new WaitSpec(null, List.of(), null, true, null, LONG);

        assertThatThrownBy(() -> await(healthy, new Scripted(running(Health.NONE))))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " can never report healthy: its image declares no HEALTHCHECK and none was"
                        + " configured. Give it one (<healthcheck>, or healthcheck: in a compose file), or"
                        + " wait for something else (a <log> line or a <tcp> port in its <wait>; in a compose"
                        + " file, depends_on with condition: service_started).");
    }

    @Test
    void aContainerRemovedFromOutsideFailsAtOnce() {
        assertThatThrownBy(() -> await(defaultWait(LONG), Optional::empty))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(SUBJECT + " disappeared while waiting for running (and healthy, if its image has a"
                        + " HEALTHCHECK): it was removed from outside this build.");
    }

    @Test
    void aWaitIsGivenUpWhenTheStartFailedElsewhere() {
        Waiter waiter = new Waiter(logLine("ready", LONG));

        assertThatThrownBy(() -> waiter.await(SUBJECT, new Scripted(running()), log, "127.0.0.1", () -> true))
                .isInstanceOf(Waiter.Cancelled.class);
    }

    @Test
    void describeJoinsTheConditionsWithAnd() {
        Waiter waiter = new Waiter(waitFor(
                Pattern.compile("ready"),
                List.of(5432, 5433),
                new WaitSpec.Http(8080, "/", "HEAD", 200, 299),
                true,
                0,
                LONG));

        assertThat(waiter.describe())
                .isEqualTo("a log line matching 'ready' and TCP port 5432 accepting connections and TCP port 5433"
                        + " accepting connections and HTTP HEAD / on port 8080 answering 200..299 and the container"
                        + " reported healthy and exit with code 0");
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

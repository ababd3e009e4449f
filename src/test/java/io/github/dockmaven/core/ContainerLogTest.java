package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every test ends within 5s: a wait that is not woken when it should be fails here rather than hanging the build. */
@Timeout(5)
class ContainerLogTest {

    private final List<String> downstream = new ArrayList<>();
    private final ContainerLog log = new ContainerLog(line -> downstream.add(line.text()));

    private void print(String line) {
        log.accept(new LogLine(LogLine.Stream.STDOUT, line));
    }

    @Test
    void passesEveryLineDownstream() {
        log.accept(new LogLine(LogLine.Stream.STDOUT, "out"));
        log.accept(new LogLine(LogLine.Stream.STDERR, "err"));

        assertThat(downstream).containsExactly("out", "err");
    }

    @Test
    void aLinePrintedBeforeThePatternWasAskedForMatches() {
        print("LOG: database system is ready to accept connections");

        assertThat(log.hasMatched(Pattern.compile("ready to accept"))).isTrue();
    }

    @Test
    void aLinePrintedAfterThePatternWasAskedForMatches() {
        Pattern ready = Pattern.compile("ready");

        assertThat(log.hasMatched(ready)).isFalse();
        print("still starting");
        assertThat(log.hasMatched(ready)).isFalse();
        print("ready");
        assertThat(log.hasMatched(ready)).isTrue();
    }

    @Test
    void aPatternIsFoundInsideALine() {
        print("2024-05-01 12:00:00 Started Application in 3.2 seconds");

        assertThat(log.hasMatched(Pattern.compile("Started \\w+ in"))).isTrue();
        assertThat(log.hasMatched(Pattern.compile("^Started"))).isFalse();
    }

    @Test
    void theTailKeepsTheLastLinesOnly() {
        IntStream.rangeClosed(1, ContainerLog.TAIL + 5).forEach(i -> print("line " + i));

        assertThat(log.tail())
                .hasSize(ContainerLog.TAIL)
                .startsWith("line 6")
                .endsWith("line " + (ContainerLog.TAIL + 5));
    }

    @Test
    void afterTheWaitsOnlyTheTailIsKeptAndNoLineMatchesAnyMore() {
        print("early");
        log.waitsDone();
        print("late");

        assertThat(log.tail()).containsExactly("early", "late");
        assertThat(log.hasMatched(Pattern.compile("early"))).isFalse();
        assertThat(log.hasMatched(Pattern.compile("late"))).isFalse();
    }

    @Test
    void awaitEndReturnsOnceTheOutputEnded() throws InterruptedException {
        Thread waiter = waiting(() -> log.awaitEnd(60_000));

        log.ended();

        assertEnds(waiter);
    }

    @Test
    void awaitEndReturnsAtOnceWhenTheOutputHadEnded() {
        log.ended();

        log.awaitEnd(60_000);
    }

    @Test
    void awaitEndGivesUpAfterTheGivenTime() {
        long start = System.nanoTime();

        log.awaitEnd(50);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    @Test
    void awaitNewsReturnsAsSoonAsALineMatchesAnAwaitedPattern() throws InterruptedException {
        Pattern ready = Pattern.compile("ready");
        assertThat(log.hasMatched(ready)).isFalse();
        Thread waiter = waiting(() -> awaitNews(60_000));

        print("still starting");
        print("ready");

        assertEnds(waiter);
        assertThat(log.hasMatched(ready)).isTrue();
    }

    @Test
    void awaitNewsReturnsOnceTheOutputEnded() throws InterruptedException {
        Thread waiter = waiting(() -> awaitNews(60_000));

        log.ended();

        assertEnds(waiter);
    }

    @Test
    void awaitNewsSleepsThroughLinesNobodyWaitsFor() throws InterruptedException {
        log.hasMatched(Pattern.compile("ready"));
        print("still starting");
        long start = System.nanoTime();

        log.awaitNews(50);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    @Test
    void awaitNewsReturnsAtOnceWhenTheOutputEndedSinceTheLastCall() throws InterruptedException {
        log.ended();

        log.awaitNews(60_000);
    }

    @Test
    void newsIsTakenByOneCallOnly() throws InterruptedException {
        log.ended();
        log.awaitNews(60_000);
        long start = System.nanoTime();

        log.awaitNews(50);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    private void awaitNews(long millis) {
        try {
            log.awaitNews(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A thread that runs {@code body}, returned once it waits inside the log's monitor: whatever the test does next
     * happens while it waits, so only a notification (not an early check of the state) can let it go.
     */
    private Thread waiting(Runnable body) {
        Thread thread = new Thread(body, "waiter");
        thread.setDaemon(true);
        thread.start();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(thread.isAlive())
                .as("the waiter returned before anything happened")
                .isTrue();
        return thread;
    }

    /** The waiter ends well before its 60s: woken, not timed out. */
    private static void assertEnds(Thread waiter) throws InterruptedException {
        waiter.join(2_000);
        assertThat(waiter.isAlive()).as("the waiter still waits 2s later").isFalse();
    }
}

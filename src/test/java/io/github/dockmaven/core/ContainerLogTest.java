package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    void afterTheWaitsOnlyTheTailIsKeptButPatternsStillWork() {
        print("early");
        log.waitsDone();
        print("late");

        assertThat(log.tail()).containsExactly("early", "late");
        assertThat(log.hasMatched(Pattern.compile("early"))).isFalse();
        assertThat(log.hasMatched(Pattern.compile("late"))).isFalse();
    }

    @Test
    @Timeout(5)
    void awaitEndReturnsOnceTheOutputEnded() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            waiting.countDown();
            log.awaitEnd(60_000);
        });
        waiter.start();
        waiting.await();

        log.ended();
        waiter.join();

        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    void awaitEndGivesUpAfterTheGivenTime() {
        long start = System.nanoTime();

        log.awaitEnd(50);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    @Test
    @Timeout(5)
    void awaitNewsReturnsAsSoonAsALineMatchesAnAwaitedPattern() throws InterruptedException {
        Pattern ready = Pattern.compile("ready");
        assertThat(log.hasMatched(ready)).isFalse();
        Thread printer = new Thread(() -> {
            print("still starting");
            print("ready");
        });
        printer.start();

        log.awaitNews(60_000);
        printer.join();

        assertThat(log.hasMatched(ready)).isTrue();
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
    @Timeout(5)
    void awaitNewsReturnsAtOnceWhenTheOutputEndedSinceTheLastCall() throws InterruptedException {
        log.ended();

        log.awaitNews(60_000);
    }
}

package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Teardown.Clock} that never sleeps: a pause moves its time on at once, and runs what a test scheduled for
 * the moments passed. Tests assert the pauses taken, not time measured.
 */
public final class ManualClock implements Teardown.Clock {

    private final TreeMap<Long, List<Runnable>> happenings = new TreeMap<>();
    private final List<Duration> pauses = new ArrayList<>();
    private long nanos;

    /** Runs {@code happening} once the clock has reached {@code after}. */
    public synchronized ManualClock at(Duration after, Runnable happening) {
        happenings.computeIfAbsent(after.toNanos(), k -> new ArrayList<>()).add(happening);
        return this;
    }

    /** Every pause taken, in order. */
    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    /** How much time has passed. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            pauses.add(duration);
            nanos += duration.toNanos();
            Map<Long, List<Runnable>> passed = happenings.headMap(nanos, true);
            passed.values().forEach(due::addAll);
            passed.clear();
        }
        due.forEach(Runnable::run);
    }
}

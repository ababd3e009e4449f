package io.github.dockmaven.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The output of one container as far as we have read it: the last lines for failure messages, and whether a line
 * matching a wait pattern was seen (the whole history is checked, so a line printed before the wait began counts).
 */
public final class ContainerLog implements Consumer<LogLine> {

    /** How many lines a failure message shows. */
    public static final int TAIL = 30;

    private final Consumer<LogLine> downstream;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Pattern> pending = new ArrayList<>();
    private final List<Pattern> matched = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private boolean trackHistory = true;
    private boolean ended;
    /** Set when a wait pattern matches or the output ends; cleared by {@link #awaitNews}. */
    private boolean news;

    public ContainerLog(Consumer<LogLine> downstream) {
        this.downstream = downstream;
    }

    @Override
    public void accept(LogLine line) {
        synchronized (this) {
            tail.addLast(line.text());
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
            if (pending.removeIf(p -> {
                if (p.matcher(line.text()).find()) {
                    matched.add(p);
                    return true;
                }
                return false;
            })) {
                news = true;
                notifyAll();
            }
            if (trackHistory) {
                history.add(line.text());
            }
        }
        downstream.accept(line);
    }

    /** Whether any line read so far, or later, contains a match of {@code pattern}. */
    public synchronized boolean hasMatched(Pattern pattern) {
        if (matched.contains(pattern)) {
            return true;
        }
        if (!pending.contains(pattern)) {
            for (String line : history) {
                if (pattern.matcher(line).find()) {
                    matched.add(pattern);
                    return true;
                }
            }
            pending.add(pattern);
        }
        return false;
    }

    /** Stops keeping the whole history once every wait is over; only the tail is kept from then on. */
    public synchronized void waitsDone() {
        trackHistory = false;
        history.clear();
        pending.clear();
    }

    /** Called when the container's output has ended: it stopped, or we stopped following it. */
    public synchronized void ended() {
        ended = true;
        news = true;
        notifyAll();
    }

    /**
     * Waits up to {@code millis} until a line matches a pattern someone waits for, or the output ends, whichever
     * comes first; returns at once if that happened since the last call. A waiter sleeps here between two polls, so a
     * log wait holds as soon as its line is printed rather than at the next poll.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public synchronized void awaitNews(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long left;
        while (!news && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        news = false;
    }

    /**
     * Waits up to {@code millis} for the output to end, so that a failure message shows the last lines a container
     * printed before it exited.
     */
    public synchronized void awaitEnd(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        long left;
        while (!ended && (left = deadline - System.currentTimeMillis()) > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The last {@value #TAIL} lines. */
    public synchronized List<String> tail() {
        return List.copyOf(tail);
    }
}

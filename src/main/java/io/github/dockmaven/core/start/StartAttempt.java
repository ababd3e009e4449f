package io.github.dockmaven.core.start;

import io.github.dockmaven.core.wait.Waiter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One call of {@link Starter#start}: runs its steps on the executor as futures, keeps what they threw, and makes every
 * step not yet begun give up once one failed, or once the caller cancelled the start.
 */
final class StartAttempt {

    private final Executor executor;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final BooleanSupplier cancelled;
    /** Whether a step gave up because of a cancel: only then is the start unfinished. */
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    /** @param cancelled asked by each step: true makes what is still running give up, as after a failure */
    StartAttempt(Executor executor, BooleanSupplier cancelled) {
        this.executor = executor;
        this.cancelled = cancelled;
    }

    /** Runs {@code step} now, on the executor. */
    CompletableFuture<Void> run(Runnable step) {
        return CompletableFuture.runAsync(() -> attempt(step), executor);
    }

    /** Runs {@code step} once everything in {@code before} completed, and not at all if one of them failed. */
    CompletableFuture<Void> runAfter(Collection<CompletableFuture<Void>> before, Runnable step) {
        return CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                .thenComposeAsync(ignored -> run(step), executor);
    }

    /** Whether a step failed or the start was cancelled: what is still running gives up. */
    boolean failed() {
        return failed.get() || cancelled.getAsBoolean();
    }

    /** Waits for {@code steps}; the first failure is thrown by {@link #throwIfFailed}. */
    void await(Collection<CompletableFuture<Void>> steps) {
        try {
            CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // The causes were collected by each step; the first is the one to report.
        }
    }

    /**
     * After {@code undo}, throws the first failure (an Error as it is), with the others suppressed in it, or {@link
     * Waiter.Cancelled} if a step gave up because the start was cancelled; returns if none failed. A cancel that came
     * after the last step had begun cut nothing short: the start has finished, and the caller, who cancelled, removes
     * its containers as it would any it will not use, saying which.
     */
    void throwIfFailed(Runnable undo) {
        if (failures.isEmpty()) {
            if (gaveUp.get()) {
                undo.run();
                throw new Waiter.Cancelled();
            }
            return;
        }
        undo.run();
        Throwable first = failures.get(0);
        failures.stream().skip(1).forEach(first::addSuppressed);
        if (first instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) first;
    }

    private void attempt(Runnable step) {
        if (failed()) {
            gaveUp.set(true);
            throw new Waiter.Cancelled();
        }
        try {
            step.run();
        } catch (Waiter.Cancelled cancelled) {
            gaveUp.set(true);
            throw cancelled;
        } catch (RuntimeException | Error e) {
            // An Error too (a class missing from the plugin's jar, say): a failure nobody kept would let the start
            // return as if it had succeeded, with containers missing.
            failed.set(true);
            failures.add(e);
            throw e;
        }
    }
}

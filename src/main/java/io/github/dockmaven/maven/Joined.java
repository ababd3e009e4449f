package io.github.dockmaven.maven;

import io.github.dockmaven.core.EngineException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work done on another thread, and ends as that work ended: its result, or the very exception it threw. */
final class Joined {

    private Joined() {}

    /**
     * The result of {@code work}, or its failure, thrown as if the work had run on this thread.
     *
     * @param what what the work is, for the message of an interrupt ("the engine was looked up")
     */
    static <T> T outcome(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new EngineException("Failed while " + what + ": " + e.getCause(), e.getCause());
        }
    }
}

package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Engine;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images made present in this Maven session, shared by every execution and module: an image is looked up once,
 * and pulled at most once per session, even with {@code pullPolicy=always} across modules or concurrent executions.
 */
public final class ImageCache {

    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> pulls = new ConcurrentHashMap<>();

    /** Whether the image is present, asking the engine only until it was seen once. */
    public boolean isPresent(String image, Engine engine) {
        if (present.contains(image)) {
            return true;
        }
        if (engine.imageExists(image)) {
            present.add(image);
            return true;
        }
        return false;
    }

    /** Remembers that the image is present, e.g. after it was loaded from an archive. */
    public void markPresent(String image) {
        present.add(image);
    }

    /** Whether the image was pulled in this session already. */
    public boolean wasPulled(String image) {
        CompletableFuture<Void> pull = pulls.get(image);
        return pull != null && pull.isDone() && !pull.isCompletedExceptionally();
    }

    /** Runs {@code pull} unless another thread pulls the same image already, in which case it waits for that one. */
    public void pullOnce(String image, Runnable pull) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = pulls.compute(
                image, (key, existing) -> existing == null || existing.isCompletedExceptionally() ? mine : existing);
        if (running == mine) {
            try {
                pull.run();
                present.add(image);
                mine.complete(null);
            } catch (RuntimeException | Error e) {
                // Completed either way: the threads waiting for this pull would otherwise wait forever.
                mine.completeExceptionally(e);
                throw e;
            }
        } else {
            try {
                running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }
}

package io.github.dockmaven.core;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What one {@code run} execution created and still owns: its containers, its network, the volumes it created, and
 * the log followers to close. {@code stop} undoes exactly this. Safe for the threads that start containers at once.
 */
public final class RunRecord {

    private final Scope scope;
    private final List<Started> containers = new CopyOnWriteArrayList<>();
    private final List<String> networks = new CopyOnWriteArrayList<>();
    private final List<String> volumes = new CopyOnWriteArrayList<>();
    private final Map<String, Following> followers = new ConcurrentHashMap<>();
    private final Set<String> reused = ConcurrentHashMap.newKeySet();

    public RunRecord(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /** A container this execution created, from the moment the engine gave it an id. */
    public void addContainer(Started container) {
        containers.add(container);
    }

    /** Replaces the entry of the container with {@code updated}'s id: what became known once it was ready. */
    public void updateContainer(Started updated) {
        containers.replaceAll(known -> known.id().equals(updated.id()) ? updated : known);
    }

    /**
     * Keeps a ready container with {@code <reuse>} for the next builds: from now on, removing this run leaves it (a
     * start that fails before it is ready removes it, as any other).
     */
    public void keepForReuse(String id) {
        reused.add(id);
    }

    /** The containers kept for the next builds, in the order they were created. */
    public List<Started> reused() {
        return containers.stream().filter(c -> reused.contains(c.id())).toList();
    }

    /** The containers that go when this run is removed: all but those kept for reuse. */
    public List<Started> disposable() {
        return containers.stream().filter(c -> !reused.contains(c.id())).toList();
    }

    public void addNetwork(String name) {
        networks.add(name);
    }

    public void addVolume(String name) {
        volumes.add(name);
    }

    /**
     * Follows the output of container {@code containerId} into {@code log} through {@code stream} once it opened; the
     * follower completes {@code ended} when the output ended (also when it could not be followed).
     */
    public void addFollower(
            String containerId,
            CompletableFuture<? extends Closeable> stream,
            CompletableFuture<?> ended,
            Consumer<LogLine> log) {
        followers.put(containerId, new Following(stream, ended, log));
    }

    /** The log the container's output is followed into, while it is; empty once the output ended. */
    public Optional<Consumer<LogLine>> followedLog(String containerId) {
        Following following = followers.get(containerId);
        return following == null || following.ended().isDone() ? Optional.empty() : Optional.of(following.log());
    }

    /** The containers, in the order they were created. */
    public List<Started> containers() {
        return List.copyOf(containers);
    }

    /** Names of the networks this execution created. */
    public List<String> networks() {
        return List.copyOf(networks);
    }

    /** Names of the volumes this execution created. */
    public List<String> volumes() {
        return List.copyOf(volumes);
    }

    /** Whether this execution holds nothing (any more). */
    public boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }

    /**
     * Lets the output stream of a container that was stopped end by itself, waiting at most {@code limit}, then closes
     * it: the engine ends the stream once the container's process exited, after the last lines it printed, so what
     * the container says while it shuts down reaches its log.
     */
    public void finishFollowing(String containerId, Executor executor, Duration limit) {
        Following following = followers.remove(containerId);
        if (following == null) {
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            following.ended().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notEnded) {
            // closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(List.of(following), executor, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Closes the output stream of a container that is about to be killed, waiting at most {@code limit}. */
    public void closeFollowing(String containerId, Executor executor, Duration limit) {
        Following following = followers.remove(containerId);
        if (following != null) {
            close(List.of(following), executor, limit);
        }
    }

    /**
     * Closes every log follower at once and forgets them, waiting at most {@code limit}: closing a stream whose engine
     * went away can block, and must not hold up a stop. A stream still closing then is left to finish in the
     * background; it ends with its container anyway.
     */
    public void closeFollowers(Executor executor, Duration limit) {
        List<Following> all = new ArrayList<>();
        for (String id : List.copyOf(followers.keySet())) {
            Following following = followers.remove(id);
            if (following != null) {
                all.add(following);
            }
        }
        close(all, executor, limit);
    }

    /** Closes each stream once it opened; one still opening is closed when it has. */
    private static void close(List<Following> streams, Executor executor, Duration limit) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Following following : streams) {
            closing.add(following.stream().thenAcceptAsync(RunRecord::closeQuietly, executor));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillClosing) {
            // left to finish in the background, as said above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Forgets what a teardown removed, and the networks the engine refuses to remove until it restarts (warned about
     * once; the leftovers check of a later build tries again); what it could not remove otherwise stays recorded.
     */
    public void forget(TeardownReport removed) {
        Set<String> ids = removed.containers().stream().map(Started::id).collect(Collectors.toSet());
        containers.removeIf(container -> ids.contains(container.id()));
        networks.removeAll(removed.networks());
        networks.removeAll(removed.stuck());
        volumes.removeAll(removed.volumes());
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // a stream the engine already ended is closed enough
        }
    }

    /** A container's output stream (once it opened), its end, and the log it goes to. */
    private record Following(
            CompletableFuture<? extends Closeable> stream, CompletableFuture<?> ended, Consumer<LogLine> log) {}
}

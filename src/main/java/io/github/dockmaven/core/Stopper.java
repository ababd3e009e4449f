package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Stops and removes containers, concurrently, in reverse dependency order (a container stops once everything that
 * depends on it has stopped), then removes networks and volumes. It tries every resource, and throws one {@link
 * EngineException} listing every failure at the end. Already stopped or gone counts as done.
 */
public final class Stopper {

    /** How long a removal waits for the log streams to close: one whose engine went away can block. */
    private static final Duration FOLLOWERS_CLOSE_LIMIT = Duration.ofSeconds(2);

    private final Engine engine;
    private final Console console;
    private final Executor executor;

    public Stopper(Engine engine, Console console, Executor executor) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
    }

    /**
     * Stops and removes everything {@code record} holds, volumes included when {@code removeVolumes}, and forgets it.
     */
    public void removeAll(RunRecord record, boolean removeVolumes) {
        record.closeFollowers(executor, FOLLOWERS_CLOSE_LIMIT);
        List<Started> containers = record.containers();
        List<String> failures = new ArrayList<>(stop(containers, false));
        record.forgetContainers(containers);
        List<String> networks = record.networks();
        failures.addAll(removeNetworks(networks));
        record.forgetNetworks(networks);
        if (removeVolumes) {
            List<String> volumes = record.volumes();
            failures.addAll(removeVolumes(volumes));
            record.forgetVolumes(volumes);
        }
        throwIfAny(failures);
    }

    /**
     * Stops and removes containers; returns what failed, one line each. With {@code loud}, each removal is reported
     * on the console.
     */
    public List<String> stop(List<Started> containers, boolean loud) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, CompletableFuture<Void>> done = new HashMap<>();
        for (Started container : containers) {
            stopAfterDependents(container, containers, done, failures, loud);
        }
        try {
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            failures.add(e.getCause() == null ? e.toString() : e.getCause().toString());
        }
        return failures;
    }

    private CompletableFuture<Void> stopAfterDependents(
            Started container,
            List<Started> all,
            Map<String, CompletableFuture<Void>> done,
            List<String> failures,
            boolean loud) {
        CompletableFuture<Void> known = done.get(container.id());
        if (known != null) {
            return known;
        }
        // Placeholder against dependency cycles in labels written by hand: they would otherwise recurse forever.
        done.put(container.id(), CompletableFuture.completedFuture(null));
        List<CompletableFuture<Void>> dependents = new ArrayList<>();
        for (Started other : all) {
            if (other != container && other.dependsOn().contains(container.alias())) {
                dependents.add(stopAfterDependents(other, all, done, failures, loud));
            }
        }
        CompletableFuture<Void> future = CompletableFuture.allOf(dependents.toArray(CompletableFuture[]::new))
                .handle((ignored, error) -> null)
                .thenRunAsync(() -> stopOne(container, failures, loud), executor);
        done.put(container.id(), future);
        return future;
    }

    private void stopOne(Started container, List<String> failures, boolean loud) {
        long start = System.nanoTime();
        try {
            if (container.stopMode() == ContainerSpec.StopMode.STOP
                    && !container.stopTimeout().isZero()) {
                engine.stopContainer(container.id(), container.stopTimeout());
            }
            engine.removeContainer(container.id());
            String message = (container.stopMode() == ContainerSpec.StopMode.KILL
                            ? "Killed and removed "
                            : "Stopped and removed ")
                    + container.describe() + " in " + Durations.format(Duration.ofNanos(System.nanoTime() - start));
            if (loud) {
                console.info(message);
            } else {
                console.debug(message);
            }
        } catch (RuntimeException e) {
            failures.add("container " + container.describe() + ": " + e.getMessage());
        }
    }

    /** Removes networks; returns what failed. */
    public List<String> removeNetworks(List<String> names) {
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            try {
                engine.removeNetwork(name);
                console.debug("Removed network " + name);
            } catch (RuntimeException e) {
                failures.add("network " + name + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** Removes volumes; returns what failed. */
    public List<String> removeVolumes(List<String> names) {
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            try {
                engine.removeVolume(name);
                console.debug("Removed volume " + name);
            } catch (RuntimeException e) {
                failures.add("volume " + name + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** Throws one exception listing every failure, if there were any. */
    public static void throwIfAny(List<String> failures) {
        if (!failures.isEmpty()) {
            throw new EngineException("Could not remove " + failures.size() + " resource"
                    + (failures.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", failures));
        }
    }
}

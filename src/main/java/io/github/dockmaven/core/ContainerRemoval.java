package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Stops and removes a batch of containers concurrently, in reverse dependency order: a container stops once everything
 * that depends on it is gone, and containers that do not depend on each other stop at the same time. Already stopped
 * or gone counts as done. A graceful removal runs each container's {@link StopHooks} around its stop.
 */
final class ContainerRemoval {

    /**
     * What became of one container.
     *
     * @param container the container
     * @param failure why it could not be removed; null when it was
     */
    record Outcome(Started container, String failure) {}

    private final Engine engine;
    private final Console console;
    private final Executor executor;
    private final AroundStop aroundStop;

    ContainerRemoval(Engine engine, Console console, Executor executor) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
        this.aroundStop = new AroundStop(engine, console);
    }

    /**
     * Removes {@code containers}, the output around each graceful stop going to {@code output}; returns what became of
     * each, dependents before what they depend on.
     */
    List<Outcome> remove(List<Started> containers, RemovalPolicy policy, StopOutput output) {
        List<Started> order = dependentsFirst(containers);
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Void>> done = new HashMap<>();
        for (Started container : order) {
            // dependents come earlier in the order, so their futures are known; in a dependency cycle written into
            // labels by hand, the one not yet known is not waited for
            CompletableFuture<?>[] dependents = dependentsOf(container, containers).stream()
                    .map(d -> done.get(d.id()))
                    .filter(Objects::nonNull)
                    .toArray(CompletableFuture[]::new);
            done.put(
                    container.id(),
                    CompletableFuture.allOf(dependents)
                            .handle((ignored, error) -> null)
                            .thenRunAsync(() -> removeOne(container, policy, output, failures), executor));
        }
        String notTried = null;
        try {
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            // the executor refused a removal (it is shutting down): that container was not even tried
            notTried = String.valueOf(e.getCause() == null ? e : e.getCause());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Started container : order) {
            String failure =
                    done.get(container.id()).isCompletedExceptionally() ? notTried : failures.get(container.id());
            outcomes.add(new Outcome(
                    container, failure == null ? null : "container " + container.describe() + ": " + failure));
        }
        return outcomes;
    }

    private void removeOne(Started container, RemovalPolicy policy, StopOutput output, Map<String, String> failures) {
        long start = System.nanoTime();
        boolean graceful = policy.force() == RemovalPolicy.Force.GRACEFUL;
        try {
            if (graceful) {
                stopAsConfigured(container, output);
            }
            engine.removeContainer(container.id());
        } catch (RuntimeException e) {
            failures.put(container.id(), String.valueOf(e.getMessage()));
            return;
        }
        String how = !graceful
                ? "Removed "
                : container.stopMode() == ContainerSpec.StopMode.KILL ? "Killed and removed " : "Stopped and removed ";
        String message =
                how + container.describe() + " in " + Durations.format(Duration.ofNanos(System.nanoTime() - start));
        if (policy.announce()) {
            console.info(message);
        } else {
            console.debug(message);
        }
    }

    /**
     * Stops the container as {@code run} configured it, with its stop hooks around the stop. A container that is
     * stopped by killing it is killed by its removal, unless files are to be copied out of it first.
     */
    private void stopAsConfigured(Started container, StopOutput output) {
        aroundStop.beforeStop(container, output.log(container));
        if (container.stopMode() == ContainerSpec.StopMode.STOP
                && !container.stopTimeout().isZero()) {
            engine.stopContainer(container.id(), container.stopTimeout());
            output.stopped(container);
        } else if (!container.hooks().copyOut().isEmpty()) {
            engine.stopContainer(container.id(), Duration.ZERO);
            output.stopped(container);
        } else {
            // killed by its removal: nothing to wait for, and its output must not be read while it is being removed
            output.killing(container);
        }
        aroundStop.afterStop(container);
    }

    /** The containers, each after every container that depends on it; otherwise in the order given. */
    private static List<Started> dependentsFirst(List<Started> containers) {
        Set<String> visited = new HashSet<>();
        Set<Started> order = new LinkedHashSet<>();
        for (Started container : containers) {
            visit(container, containers, visited, order);
        }
        return new ArrayList<>(order);
    }

    private static void visit(Started container, List<Started> all, Set<String> visited, Set<Started> order) {
        // marked before the dependents are visited: a cycle in labels written by hand would otherwise recurse forever
        if (!visited.add(container.id())) {
            return;
        }
        for (Started dependent : dependentsOf(container, all)) {
            visit(dependent, all, visited, order);
        }
        order.add(container);
    }

    private static List<Started> dependentsOf(Started container, List<Started> all) {
        return all.stream()
                .filter(other -> other != container && other.dependsOn().contains(container.alias()))
                .toList();
    }
}

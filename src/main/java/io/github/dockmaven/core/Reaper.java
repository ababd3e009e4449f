package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Removes what one Maven session created in the lifecycle, found by its labels, when that build ends without {@code
 * dock:stop}: Maven exiting on SIGINT or SIGTERM (its shutdown hook), or killed (the watchdog).
 *
 * <p>Containers are killed and removed at once, not stopped gracefully: the build is being aborted or is gone, nobody
 * reads their output any more, and finishing in bounded time matters more. Everything is listed and removed again
 * until a listing finds nothing, so a container that the dying build was still creating is caught as well; an engine
 * that does not answer is asked again, until the time limit.
 */
public final class Reaper {

    private static final long RETRY_MILLIS = 1000;
    private static final long SETTLE_POLL_MILLIS = 250;

    private final Engine engine;
    private final Executor executor;

    public Reaper(Engine engine, Executor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    /**
     * What a reap removed, and what it could not.
     *
     * @param containers the containers removed, described
     * @param networks the networks removed
     * @param volumes the volumes removed
     * @param failures what could not be removed, or the engine's last error, one line each; empty when nothing of the
     *     session is left
     */
    public record Result(List<String> containers, List<String> networks, List<String> volumes, List<String> failures) {

        /** Whether the last listing found nothing left to remove. */
        public boolean complete() {
            return failures.isEmpty();
        }

        public int total() {
            return containers.size() + networks.size() + volumes.size();
        }

        /** {@code 2 containers ('db' (postgres:16, 3f2a1c9b04de), 'app' (...)), 1 network and 1 volume}. */
        public String summary() {
            StringBuilder sb = new StringBuilder(count(containers.size(), "container"));
            if (!containers.isEmpty()) {
                sb.append(" (").append(String.join(", ", containers)).append(')');
            }
            return sb.append(", ")
                    .append(count(networks.size(), "network"))
                    .append(" and ")
                    .append(count(volumes.size(), "volume"))
                    .toString();
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    /** The labels of what a session created in the lifecycle: not its command-line runs, nor kept ones. */
    public static Map<String, String> sessionFilter(String session) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put(Labels.MANAGED, "true");
        filter.put(Labels.SESSION, session);
        filter.put(Labels.MODE, Labels.MODE_LIFECYCLE);
        return filter;
    }

    /**
     * Kills and removes every container, then every network and volume, carrying all labels of {@code filter},
     * except those whose id or name {@code keep} holds on to; repeats until a listing finds nothing, but not before
     * {@code settle} has passed (a creation under way when the owner died still lands), and gives up after {@code
     * limit}.
     */
    public Result reap(Map<String, String> filter, Predicate<String> keep, Duration settle, Duration limit) {
        long start = System.nanoTime();
        long settleUntil = start + settle.toNanos();
        long deadline = start + limit.toNanos();
        Map<String, String> containers = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> networks = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        List<String> failures;
        while (true) {
            failures = Collections.synchronizedList(new ArrayList<>());
            boolean found;
            try {
                found = removeContainers(filter, keep, containers, failures);
                found |= removeEach(
                        "network", engine.listNetworks(filter), engine::removeNetwork, keep, networks, failures);
                found |=
                        removeEach("volume", engine.listVolumes(filter), engine::removeVolume, keep, volumes, failures);
            } catch (EngineException e) {
                failures.add(e.getMessage());
                found = true;
            }
            long now = System.nanoTime();
            if (!found && now >= settleUntil) {
                break;
            }
            if (now >= deadline) {
                if (failures.isEmpty()) {
                    failures.add("resources of the build were still appearing after " + Durations.format(limit));
                }
                break;
            }
            if (found && failures.isEmpty()) {
                // removed something: list again at once, to confirm that nothing is left
                continue;
            }
            if (!sleep(found ? RETRY_MILLIS : SETTLE_POLL_MILLIS, deadline)) {
                break;
            }
        }
        return new Result(
                List.copyOf(containers.values()), List.copyOf(networks), List.copyOf(volumes), List.copyOf(failures));
    }

    private boolean removeContainers(
            Map<String, String> filter, Predicate<String> keep, Map<String, String> removed, List<String> failures) {
        List<ContainerInfo> found = engine.listContainers(filter).stream()
                .filter(c -> !keep.test(c.id()) && !keep.test(c.name()))
                .toList();
        // removed at once, reported in the order listed (not in the order the engine finished)
        String[] outcomes = new String[found.size()];
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ContainerInfo info = found.get(i);
            int slot = i;
            removals.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            engine.removeContainer(info.id());
                        } catch (RuntimeException e) {
                            outcomes[slot] = e.getMessage();
                        }
                    },
                    executor));
        }
        CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
        for (int i = 0; i < found.size(); i++) {
            String description = Cleanup.fromLabels(found.get(i)).describe();
            if (outcomes[i] == null) {
                removed.put(found.get(i).id(), description);
            } else {
                failures.add("container " + description + ": " + outcomes[i]);
            }
        }
        return !found.isEmpty();
    }

    /**
     * Removes the listed networks or volumes ({@code kind}) not kept (by name or id), adding each removed name to
     * {@code removed} once and each failure to {@code failures}; true when there was anything to remove.
     */
    private static boolean removeEach(
            String kind,
            List<Engine.ResourceInfo> listed,
            Consumer<String> remove,
            Predicate<String> keep,
            List<String> removed,
            List<String> failures) {
        boolean found = false;
        for (Engine.ResourceInfo resource : listed) {
            if (keep.test(resource.name()) || keep.test(resource.id())) {
                continue;
            }
            found = true;
            try {
                remove.accept(resource.name());
                if (!removed.contains(resource.name())) {
                    removed.add(resource.name());
                }
            } catch (RuntimeException e) {
                failures.add(kind + " " + resource.name() + ": " + e.getMessage());
            }
        }
        return found;
    }

    /** Sleeps, but not past the deadline; false when interrupted or when the deadline has come. */
    private static boolean sleep(long millis, long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return false;
        }
        try {
            Thread.sleep(Math.min(millis, left));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

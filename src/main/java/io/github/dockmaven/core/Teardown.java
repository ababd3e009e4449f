package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Removes what this plugin created: the one teardown behind {@code dock:stop}, {@code dock:remove}, {@code
 * dock:prune}, a failed start's rollback, the shutdown hook, the watchdog and the leftovers sweep. They differ in what
 * they remove (a {@link Selection}) and how hard (a {@link RemovalPolicy}), not in how it is done.
 *
 * <p>Containers go first, dependents before what they depend on, then networks, then volumes. Every resource is
 * tried; what could not be removed is in the {@link TeardownReport}, which throws one exception listing it all when
 * asked to. Whatever is already gone counts as removed.
 */
public final class Teardown {

    /** How long a removal waits for a run's log streams to close: one whose engine went away can block. */
    private static final Duration FOLLOWERS_CLOSE_LIMIT = Duration.ofSeconds(2);

    /** Time as a retrying teardown sees it; tests replace it, so that they never sleep. */
    public interface Clock {

        /** The current value of a monotonic clock, in nanoseconds. */
        long nanoTime();

        /** Waits this long. */
        void sleep(Duration duration) throws InterruptedException;

        /** The system's clock. */
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /** After a round that failed, the engine gets this long before it is asked again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** While settling with nothing found, how often the selection is asked again. */
    private static final Duration SETTLE_POLL = Duration.ofMillis(250);

    private final Engine engine;
    private final Console console;
    private final Executor executor;
    private final Clock clock;
    private final ContainerRemoval containerRemoval;

    public Teardown(Engine engine, Console console, Executor executor) {
        this(engine, console, executor, Clock.SYSTEM);
    }

    public Teardown(Engine engine, Console console, Executor executor, Clock clock) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
        this.clock = clock;
        this.containerRemoval = new ContainerRemoval(engine, console, executor);
    }

    /**
     * Removes what {@code record} holds, as {@link #remove(Selection, RemovalPolicy)} does; the record forgets what was
     * removed. A graceful removal follows each container's output until it stopped, so its last words reach its log;
     * otherwise, and for what was not stopped, the log streams are closed.
     */
    public TeardownReport removeRun(RunRecord record, RemovalPolicy policy) {
        if (policy.force() != RemovalPolicy.Force.GRACEFUL) {
            record.closeFollowers(executor, FOLLOWERS_CLOSE_LIMIT);
            return remove(Selection.of(record), policy);
        }
        try {
            return remove(
                    Selection.of(record), policy, new FollowedStopOutput(record, executor, FOLLOWERS_CLOSE_LIMIT));
        } finally {
            record.closeFollowers(executor, FOLLOWERS_CLOSE_LIMIT);
        }
    }

    /**
     * Removes what {@code selection} holds, as hard as {@code policy} says, once or (by the policy) until nothing is
     * left. A failure to list is thrown by a single round, and retried by a repeating one.
     */
    public TeardownReport remove(Selection selection, RemovalPolicy policy) {
        return remove(selection, policy, StopOutput.NONE);
    }

    /** As {@link #remove(Selection, RemovalPolicy)}, the output around each graceful stop going to {@code output}. */
    private TeardownReport remove(Selection selection, RemovalPolicy policy, StopOutput output) {
        long start = clock.nanoTime();
        long settleUntil = start + policy.settle().toNanos();
        long deadline = policy.untilEmpty() ? start + policy.limit().toNanos() : start;
        Removed removed = new Removed();
        List<String> failures;
        while (true) {
            failures = new ArrayList<>();
            boolean found;
            try {
                found = round(selection, policy, output, removed, failures);
            } catch (EngineException e) {
                if (!policy.untilEmpty()) {
                    throw e;
                }
                failures.add(e.getMessage());
                found = true;
            }
            long now = clock.nanoTime();
            if (!policy.untilEmpty() || (!found && now >= settleUntil)) {
                break;
            }
            if (now >= deadline) {
                // a limit shorter than the settle ends a quiet settle: nothing was left, nothing is reported
                if (found && failures.isEmpty()) {
                    failures.add(
                            "resources of the build were still appearing after " + Durations.format(policy.limit()));
                }
                break;
            }
            if (found && failures.isEmpty()) {
                // removed something: list again at once, to confirm that nothing is left
                continue;
            }
            if (!pause(found ? RETRY_AFTER : SETTLE_POLL, deadline)) {
                break;
            }
        }
        TeardownReport report = removed.report(failures);
        selection.removed(report);
        return report;
    }

    /**
     * Removes the images the removed containers used, unless another container still uses them; returns those
     * removed.
     */
    public List<String> removeImages(Collection<String> images) {
        List<String> removed = new ArrayList<>();
        for (String image : new LinkedHashSet<>(images)) {
            if (engine.removeImage(image)) {
                removed.add(image);
            } else {
                console.info("Kept image " + image + ": it is absent or still used by another container");
            }
        }
        return removed;
    }

    /** One pass over the selection; true when it held anything to remove. */
    private boolean round(
            Selection selection, RemovalPolicy policy, StopOutput output, Removed removed, List<String> failures) {
        List<Started> containers = selection.containers(engine, removed.spared::add);
        for (ContainerRemoval.Outcome outcome : containerRemoval.remove(containers, policy, output)) {
            if (outcome.failure() == null) {
                removed.containers.putIfAbsent(outcome.container().id(), outcome.container());
            } else {
                failures.add(outcome.failure());
            }
        }
        // a network the engine refused as stuck is not asked again: it keeps refusing until the engine restarts
        List<String> networks = selection.networks(engine, removed.spared::add).stream()
                .filter(network -> !removed.stuck.contains(network))
                .toList();
        removeEach("network", networks, engine::removeNetwork, policy, removed.networks, failures, removed.stuck);
        List<String> volumes = policy.volumes() ? selection.volumes(engine, removed.spared::add) : List.of();
        removeEach("volume", volumes, engine::removeVolume, policy, removed.volumes, failures, removed.stuck);
        return !containers.isEmpty() || !networks.isEmpty() || !volumes.isEmpty();
    }

    private void removeEach(
            String kind,
            List<String> names,
            Consumer<String> remove,
            RemovalPolicy policy,
            Set<String> removed,
            List<String> failures,
            Set<String> stuck) {
        for (String name : names) {
            try {
                remove.accept(name);
                removed.add(name);
                console.debug("Removed " + kind + " " + name);
            } catch (EngineException.StuckNetwork e) {
                stuck.add(name);
                console.warn(e.getMessage());
            } catch (EngineException e) {
                if (policy.force() == RemovalPolicy.Force.GENTLE) {
                    // a network or volume still used, even by a stopped foreign container, stays
                    console.debug("Kept " + kind + " " + name + ": " + e.getMessage());
                } else {
                    failures.add(kind + " " + name + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.add(kind + " " + name + ": " + e.getMessage());
            }
        }
    }

    /** Waits, but not past the deadline; false when interrupted or when the deadline has come. */
    private boolean pause(Duration wanted, long deadline) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            clock.sleep(Duration.ofNanos(Math.min(wanted.toNanos(), left)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the rounds of one teardown removed and spared, each once. */
    private static final class Removed {
        final Map<String, Started> containers = new LinkedHashMap<>();
        final Set<String> networks = new LinkedHashSet<>();
        final Set<String> volumes = new LinkedHashSet<>();
        final Set<String> spared = new LinkedHashSet<>();
        final Set<String> stuck = new LinkedHashSet<>();

        TeardownReport report(List<String> failures) {
            return new TeardownReport(
                    List.copyOf(containers.values()),
                    List.copyOf(networks),
                    List.copyOf(volumes),
                    List.of(),
                    List.copyOf(spared),
                    List.copyOf(stuck),
                    failures);
        }
    }
}

package io.github.dockmaven.core.wait;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerLog;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.WaitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waits until every condition of a {@link WaitSpec} holds, under one deadline. A container that exits while we wait
 * fails at once (unless an exit code is what we wait for), not at the deadline.
 */
public final class Waiter {

    private static final long FIRST_POLL_MS = 25;
    private static final long MAX_POLL_MS = 200;
    private static final long LOG_DRAIN_MS = 1000;

    private final WaitSpec spec;
    private final List<Condition> conditions;
    private final LongSupplier nanoTime;
    private final boolean routed;

    /** A waiter on the system's clock. */
    public Waiter(WaitSpec spec) {
        this(spec, System::nanoTime);
    }

    /**
     * A waiter on the given clock.
     *
     * @param nanoTime the clock of the deadline and of the times in messages, as {@link System#nanoTime()}
     */
    public Waiter(WaitSpec spec, LongSupplier nanoTime) {
        this(spec, nanoTime, false);
    }

    /**
     * A waiter on the given clock, for a container whose own address is reached from here or not.
     *
     * @param routed whether the container's address on its network is routed to this machine (see {@link
     *     Probe#containerAddress})
     */
    public Waiter(WaitSpec spec, LongSupplier nanoTime, boolean routed) {
        this.spec = spec;
        this.conditions = conditionsOf(spec);
        this.nanoTime = nanoTime;
        this.routed = routed;
    }

    private static List<Condition> conditionsOf(WaitSpec spec) {
        List<Condition> list = new ArrayList<>();
        if (spec.log() != null) {
            list.add(new LogCondition(spec.log()));
        }
        spec.tcp().forEach(port -> list.add(new TcpCondition(port)));
        if (spec.http() != null) {
            list.add(new HttpCondition(spec.http()));
        }
        if (spec.healthy()) {
            list.add(new HealthyCondition());
        }
        return list;
    }

    /** What we wait for, for messages. */
    public String describe() {
        List<String> parts =
                conditions.stream().map(Condition::describe).collect(Collectors.toCollection(ArrayList::new));
        if (spec.exitCode() != null) {
            parts.add("exit with code " + spec.exitCode());
        }
        if (parts.isEmpty()) {
            return "running (and healthy, if its image has a HEALTHCHECK)";
        }
        return String.join(" and ", parts);
    }

    /**
     * Polls until ready. Throws {@link BuildFailure} when the container exits, disappears or is not ready in time; the
     * message starts with {@code subject} (e.g. {@code Container 'db' (postgres:16, 3f2a1c9b04de)}) and ends with the
     * container's last log lines.
     *
     * @param subject how the container is named in messages
     * @param inspect reads the container's current state; empty when it is gone
     * @param log the container's output so far
     * @param host where its published ports are reached
     * @param cancelled whether to give up because the start failed elsewhere
     */
    public void await(
            String subject,
            Supplier<Optional<ContainerInfo>> inspect,
            ContainerLog log,
            String host,
            BooleanSupplier cancelled) {
        long start = nanoTime.getAsLong();
        long deadline = start + spec.timeout().toNanos();
        List<Condition> open = new ArrayList<>(conditions);
        long sleep = FIRST_POLL_MS;
        while (true) {
            Optional<ContainerInfo> current = inspect.get();
            if (current.isEmpty()) {
                throw new BuildFailure(subject + " disappeared while waiting for " + describe()
                        + ": it was removed from outside this build.");
            }
            ContainerInfo info = current.get();
            if (!info.status().isRunning() && info.status() != ContainerInfo.Status.CREATED) {
                handleExit(subject, info, log, host, open, elapsed(start));
                return;
            }
            if (spec.healthy() && info.health() == Health.NONE && info.status().isRunning()) {
                throw new BuildFailure(subject + " can never report healthy: its image declares no HEALTHCHECK and"
                        + " none was configured. Give it one (<healthcheck>, or healthcheck: in a compose file), or wait"
                        + " for something else (a <log> line or a <tcp> port in its <wait>; in a compose file,"
                        + " depends_on with condition: service_started).");
            }
            Probe probe = new Probe(info, log, host, routed);
            open.removeIf(c -> c.check(probe));
            boolean healthOk = !spec.isDefault() || info.health() == Health.NONE || info.health() == Health.HEALTHY;
            if (open.isEmpty()
                    && spec.exitCode() == null
                    && healthOk
                    && info.status().isRunning()) {
                return;
            }
            if (nanoTime.getAsLong() >= deadline) {
                throw new BuildFailure(subject + " was not ready after " + Durations.format(spec.timeout()) + ": "
                        + reasons(open, info) + ". Fix the container, or raise <wait><timeout> if it needs longer."
                        + tail(log));
            }
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            pause(log, Math.min(sleep, Math.max(1, (deadline - nanoTime.getAsLong()) / 1_000_000)));
            sleep = Math.min(MAX_POLL_MS, sleep * 2);
        }
    }

    private void handleExit(
            String subject, ContainerInfo info, ContainerLog log, String host, List<Condition> open, Duration took) {
        boolean expectedExit = spec.exitCode() != null && info.exitCode() == spec.exitCode();
        if (expectedExit && open.isEmpty()) {
            return;
        }
        log.awaitEnd(LOG_DRAIN_MS);
        if (expectedExit) {
            // A one-shot job may print the awaited line and exit between two polls: check what it printed last.
            Probe probe = new Probe(info, log, host, routed);
            open.removeIf(c -> c.check(probe));
            if (open.isEmpty()) {
                return;
            }
            throw new BuildFailure(subject + " exited with code " + info.exitCode() + " after " + Durations.format(took)
                    + " as it had to, but " + String.join("; ", conditionReasons(open)) + "." + tail(log));
        }
        String error = info.error() == null || info.error().isBlank() ? "" : " (" + info.error() + ")";
        if (spec.exitCode() != null) {
            throw new BuildFailure(subject + " exited with code " + info.exitCode() + error + " after "
                    + Durations.format(took) + ", but it had to exit with code " + spec.exitCode() + "." + tail(log));
        }
        throw new BuildFailure(subject + " exited with code " + info.exitCode() + error + " after "
                + Durations.format(took) + " while waiting for " + describe() + "." + tail(log));
    }

    private String reasons(List<Condition> open, ContainerInfo info) {
        List<String> reasons = conditionReasons(open);
        if (spec.exitCode() != null) {
            reasons.add("it is still running, but it has to exit with code " + spec.exitCode());
        } else if (spec.isDefault() && info.health() != Health.HEALTHY) {
            reasons.add("its image has a HEALTHCHECK and its health is "
                    + info.health().name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join("; ", reasons);
    }

    private static List<String> conditionReasons(List<Condition> open) {
        return open.stream()
                .map(c -> c.lastFailure().isEmpty() ? c.describe() + " did not hold" : c.lastFailure())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    static String tail(ContainerLog log) {
        List<String> lines = log.tail();
        if (lines.isEmpty()) {
            return " It printed no output.";
        }
        StringBuilder sb =
                new StringBuilder(lines.size() == 1 ? " Last log line:" : " Last " + lines.size() + " log lines:");
        lines.forEach(line -> sb.append("\n  | ").append(line));
        return sb.toString();
    }

    private Duration elapsed(long startNanos) {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    /** Until the next poll, or until an awaited log line arrives (or the output ends), whichever comes first. */
    private static void pause(ContainerLog log, long millis) {
        try {
            log.awaitNews(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** The wait was given up because the start failed elsewhere or the thread was interrupted. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}

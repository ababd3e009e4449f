package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.GuardedEngine;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import io.github.dockmaven.watchdog.WatchdogProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What removes a session's resources however the build ends. When the session ends ({@link #end()}: a build that
 * failed between {@code run} and {@code stop}), what is left is removed at once, while the plugin's class realm is
 * open. A JVM shutdown hook (Ctrl-C, SIGTERM) stops new creations, then kills and removes everything labelled with the
 * session, within {@link #EXIT_LIMIT}. A {@link io.github.dockmaven.watchdog.Watchdog} process does the same when this
 * JVM dies without running its hooks (SIGKILL, the OOM killer), or when the hook could not finish.
 */
final class ExitGuard {

    /** How long the shutdown hook tries to remove what is left before it leaves the rest to the watchdog. */
    static final Duration EXIT_LIMIT = Duration.ofSeconds(15);
    /** How long the watchdog keeps asking an engine that does not answer. */
    static final Duration WATCHDOG_GIVE_UP = Duration.ofMinutes(2);

    private final String session;
    private final EngineCache engines;
    private final LiveRuns runs;
    private final ExecutorService executor;
    private Thread shutdownHook;
    private Console console;
    private boolean ended;
    private volatile WatchdogProcess watchdog;

    ExitGuard(String session, EngineCache engines, LiveRuns runs, ExecutorService executor) {
        this.session = session;
        this.engines = engines;
        this.runs = runs;
        this.executor = executor;
    }

    /**
     * Installs the shutdown hook and starts the watchdog, once per session; later calls do nothing.
     *
     * @param classpath the plugin's class path, for the watchdog; asked on the first call only
     */
    synchronized void install(Console console, Supplier<List<Path>> classpath) {
        if (shutdownHook != null || ended) {
            return;
        }
        this.console = console;
        shutdownHook = new Thread(() -> onExit(console), "dock-exit");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        startWatchdog(console, classpath.get());
    }

    /**
     * The session ended: removes what is left of it now, as the shutdown hook would when Maven exits, and retires the
     * hook and the watchdog. Maven closes the plugin's class realm next, before the JVM runs its hooks, and the Maven
     * daemon's JVM does not exit at all; the hook is left for a signal, which stops the JVM with the realm still open.
     */
    synchronized void end() {
        ended = true;
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting already: the hook runs
            return;
        }
        shutdownHook = null;
        onExit(console);
    }

    /** Tells the watchdog to leave these resources alone. */
    void keep(List<String> names) {
        WatchdogProcess current = watchdog;
        if (current != null) {
            current.keep(names);
        }
    }

    private void startWatchdog(Console console, List<Path> classpath) {
        if (classpath.isEmpty()) {
            console.warn("Cannot start the watchdog that removes this build's containers if Maven is killed: the"
                    + " plugin's class path is unknown. If Maven is killed, the next dock:run of this project removes"
                    + " what it left.");
            return;
        }
        try {
            watchdog = WatchdogProcess.start(classpath, session, engines.endpoint(), WATCHDOG_GIVE_UP, console);
        } catch (IOException | RuntimeException e) {
            console.warn("Could not start the watchdog that removes this build's containers if Maven is killed: "
                    + e.getMessage() + ". If Maven is killed, the next dock:run of this project removes what it"
                    + " left.");
        }
    }

    /**
     * The shutdown hook. It may run while a {@code run} is still creating containers on another thread: it closes the
     * gate first, so nothing new appears after it listed what to remove. When it removed everything, it tells the
     * watchdog {@code done}; otherwise it leaves the rest to it.
     */
    private void onExit(Console console) {
        try {
            engines.found().refuseNewResources();
            if (runs.nothingLeft()) {
                // every run was stopped or kept, with everything removed: nothing to look for, nothing to load
                WatchdogProcess current = watchdog;
                if (current != null) {
                    current.done();
                }
                return;
            }
            removeOrLeaveToTheWatchdog(console);
        } catch (LinkageError e) {
            // Maven closed the plugin's class realm before the JVM ran this hook, and a class it needs was never
            // loaded; the watchdog has its own
            console.warn("Could not remove what this build left when Maven exited (" + e + "). The watchdog removes"
                    + " it once Maven has exited; else the next dock:run of the project, or mvn dock:remove.");
            WatchdogProcess current = watchdog;
            if (current != null) {
                current.release();
            }
        }
    }

    private void removeOrLeaveToTheWatchdog(Console console) {
        boolean clean = false;
        Future<Boolean> removal = executor.submit(() -> removeWhatIsLeft(console));
        try {
            clean = removal.get(EXIT_LIMIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            console.warn("Could not remove everything this build started within " + Durations.format(EXIT_LIMIT) + ". "
                    + whatHappensToTheRest());
        } catch (ExecutionException e) {
            console.warn(
                    "Could not remove everything this build started: " + e.getCause() + ". " + whatHappensToTheRest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WatchdogProcess current = watchdog;
        if (current != null) {
            if (clean) {
                current.done();
            } else {
                current.release();
            }
        }
    }

    private boolean removeWhatIsLeft(Console console) {
        int expected = runs.containers();
        if (expected > 0) {
            console.warn("Maven is exiting before dock:stop ran: killing and removing the " + expected + " container"
                    + (expected == 1 ? "" : "s") + " this build started, with its network and volumes");
        } else if (runs.any()) {
            console.warn("Maven is exiting while dock:run is starting containers: removing what it created so far");
        }
        GuardedEngine engine = engines.found();
        Map<String, String> filter = Labels.ofLifecycleSession(session);
        WatchdogProcess current = watchdog;
        if (current != null && current.isAlive()) {
            // an engine that does not answer now is the watchdog's to wait for: Maven exits without delay
            try {
                engine.listContainers(filter);
            } catch (EngineException e) {
                console.warn("Cannot reach the engine to remove what is left of this build: " + e.getMessage() + ". "
                        + whatHappensToTheRest());
                return false;
            }
        }
        long start = System.nanoTime();
        TeardownReport report = new Teardown(engine, console, executor)
                .remove(
                        Selection.ofLifecycleSession(session, runs.kept()),
                        RemovalPolicy.killUntilEmpty(Duration.ZERO, EXIT_LIMIT));
        runs.clear();
        if (report.total() > 0) {
            console.warn("Removed " + report.summary() + " of this build in "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
        }
        if (!report.isComplete()) {
            console.warn("Could not remove everything this build started:\n" + report.failureList() + "\n"
                    + whatHappensToTheRest());
        }
        return report.isComplete();
    }

    private String whatHappensToTheRest() {
        WatchdogProcess current = watchdog;
        return current != null && current.isAlive()
                ? "The watchdog keeps trying for " + Durations.format(WATCHDOG_GIVE_UP) + " after Maven exits; after"
                        + " that, the next dock:run of the project removes it, or mvn dock:remove."
                : "The next dock:run of the project removes it, or mvn dock:remove.";
    }
}

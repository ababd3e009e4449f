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
 * The two guards that remove a session's resources however the build ends. A JVM shutdown hook (Ctrl-C, SIGTERM, or a
 * build that fails between {@code run} and {@code stop}) stops new creations, then kills and removes everything
 * labelled with the session, within {@link #EXIT_LIMIT}. A {@link io.github.dockmaven.watchdog.Watchdog} process does
 * the same when this JVM dies without running its hooks (SIGKILL, the OOM killer), or when the hook could not finish.
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
    private final boolean endHeard;
    private Thread shutdownHook;
    private Console console;
    private boolean ended;
    private volatile WatchdogProcess watchdog;
    private ExitClassPreload preload;
    private boolean preloaded;

    /**
     * @param endHeard whether Maven calls {@link #end()} when the session ends (the plugin is a build extension): then a
     *     build that ends, failed or not, is cleaned up there, before Maven closes the plugin's class realm, and the hook
     *     runs only when a signal stops the JVM in the middle of the build, with the realm still open
     */
    ExitGuard(String session, EngineCache engines, LiveRuns runs, ExecutorService executor, boolean endHeard) {
        this.session = session;
        this.engines = engines;
        this.runs = runs;
        this.executor = executor;
        this.endHeard = endHeard;
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
        List<Path> jars = classpath.get();
        preload = new ExitClassPreload(jars, session);
        startWatchdog(console, jars);
    }

    /**
     * Prepares the shutdown hook once a run has started its containers (or failed to), off the way to them: loads
     * what the hook needs while the plugin's class realm is open (once per session), and lists what the session
     * created, as the hook will: the engine client then has loaded what it needs to read networks and volumes that
     * exist. Not where the session's end is heard: the hook then never runs with the realm closed, and loading a
     * thousand classes ahead would only take the cores from Maven's own work.
     *
     * @param now whether to load on this thread before returning: a run that failed ends the build at once, and Maven
     *     closes the class realm before the hook runs
     */
    synchronized void prepare(Console console, boolean now) {
        GuardedEngine engine = engines.found();
        if (engine == null || shutdownHook == null || endHeard) {
            return;
        }
        if (!preloaded) {
            preloaded = true;
            console.debug("Loading what the shutdown hook may need while the plugin's class realm is open: without"
                    + " <extensions>true</extensions>, Maven closes it before the hook runs");
            if (now) {
                preload.load(engine, executor, console);
            } else {
                executor.execute(() -> preload.load(engine, executor, console));
            }
        }
        executor.execute(() -> {
            try {
                Map<String, String> filter = Labels.ofLifecycleSession(session);
                engine.listContainers(filter);
                engine.listNetworks(filter);
                engine.listVolumes(filter);
            } catch (RuntimeException ignored) {
                // the hook reports what fails when it matters
            }
        });
    }

    /**
     * The session ended: removes what is left of it now, as the shutdown hook would when Maven exits, and retires the
     * hook and the watchdog. For the Maven daemon, whose JVM goes on to the next build; a plain {@code mvn} exits next
     * and would have run the hook anyway.
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

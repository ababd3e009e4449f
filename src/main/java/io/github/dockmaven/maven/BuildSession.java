package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.docker.RegistryAuth;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What this plugin keeps for one Maven session (one {@code mvn} invocation), shared by every execution and module
 * (see {@link SessionRegistry}): the session's id, its threads, the engine client ({@link EngineCache}), the images
 * seen ({@link ImageCache}), and the lifecycle runs ({@link LiveRuns}) whose resources must be gone when the build
 * ends, however it ends ({@link ExitGuard}).
 */
final class BuildSession {

    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final ImageCache images = new ImageCache();
    private final EngineCache engines = new EngineCache();
    private final LiveRuns runs = new LiveRuns();
    private final EarlyStarts earlyStarts = new EarlyStarts();
    private final ExecutorService executor;
    private final ExitGuard exit;

    BuildSession() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dock-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        exit = new ExitGuard(id, engines, runs, executor);
    }

    String id() {
        return id;
    }

    ImageCache images() {
        return images;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The containers started early that {@code run} has not taken yet. */
    EarlyStarts earlyStarts() {
        return earlyStarts;
    }

    /**
     * The session ended: what is left of its early starts and lifecycle runs is removed now, as the shutdown hook would
     * remove it when Maven exits, and the hook and the watchdog retire (the Maven daemon's JVM does not exit).
     */
    void end() {
        earlyStarts.takeAll().forEach(EarlyStart::abandon);
        exit.end();
    }

    /** The engine, found on first use and kept for the session: log streams outlive the run goal. */
    Engine engine(String explicitHost, Console console, RegistryAuth registryAuth) {
        return engines.get(explicitHost, console, registryAuth);
    }

    /**
     * Guards a lifecycle run, before it creates anything: remembers it until {@code stop} removed it, and on the
     * session's first run installs the shutdown hook and starts the watchdog.
     *
     * @param classpath the plugin's class path, for the watchdog
     */
    void guard(RunRecord record, Console console, Supplier<List<Path>> classpath) {
        runs.add(record);
        exit.install(console, classpath);
    }

    /**
     * Keeps {@code record} among the session's lifecycle runs without guarding it: for a run whose every resource
     * outlives the build (reused containers), which neither the shutdown hook nor the watchdog would touch.
     */
    void track(RunRecord record) {
        runs.add(record);
    }

    /** Forgets a run whose resources were removed. */
    void unregister(RunRecord record) {
        unregister(record, true);
    }

    /**
     * Forgets a run.
     *
     * @param removedAll false when something it created may be left (a failed start, a stop that could not remove
     *     everything): the shutdown hook then looks for what is left of the session even if no run is live
     */
    void unregister(RunRecord record, boolean removedAll) {
        runs.remove(record, removedAll);
    }

    /** Forgets a run whose resources are kept on purpose ({@code dock.keep}): nothing removes them any more. */
    void keep(RunRecord record) {
        keep(runs.forgetKept(record));
    }

    /** Keeps these resources (container ids or names, network or volume names) out of every cleanup at exit. */
    void keep(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        runs.keep(names);
        exit.keep(names);
    }

    /** The lifecycle runs of this session not yet stopped, of one project. */
    List<RunRecord> liveRuns(String project) {
        return runs.of(project);
    }
}

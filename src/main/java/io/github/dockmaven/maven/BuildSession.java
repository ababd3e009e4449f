package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.GuardedEngine;
import io.github.dockmaven.core.Reaper;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.EngineEndpoint;
import io.github.dockmaven.docker.EngineLocator;
import io.github.dockmaven.docker.RegistryAuth;
import io.github.dockmaven.watchdog.WatchdogProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * What this plugin keeps for one Maven session (one {@code mvn} invocation), shared by every execution and module:
 * the session's id, the engine client, the images seen, and the lifecycle runs whose resources must be gone when the
 * build ends, however it ends.
 *
 * <p>Two guards stand behind that promise, both set up by the first lifecycle {@code run} of the session, before it
 * creates anything. A JVM shutdown hook (Ctrl-C, SIGTERM, or a build that fails between {@code run} and {@code stop})
 * stops new creations, then kills and removes everything labelled with the session, within {@link #EXIT_LIMIT}. A
 * {@link io.github.dockmaven.watchdog.Watchdog} process does the same when this JVM dies without running its hooks
 * (SIGKILL, the OOM killer), or when the hook could not finish.
 */
final class BuildSession {

    /** How long the shutdown hook tries to remove what is left before it leaves the rest to the watchdog. */
    static final Duration EXIT_LIMIT = Duration.ofSeconds(15);
    /** How long the watchdog keeps asking an engine that does not answer. */
    static final Duration WATCHDOG_GIVE_UP = Duration.ofMinutes(2);

    /** The packages whose classes are loaded ahead of the shutdown hook: ours, and the engine client's. */
    private static final List<String> PRELOADED = List.of("io/github/dockmaven/", "com/github/dockerjava/");

    private static final Map<MavenExecutionRequest, BuildSession> SESSIONS = new WeakHashMap<>();

    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final ImageCache images = new ImageCache();
    private final List<RunRecord> live = new CopyOnWriteArrayList<>();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private GuardedEngine engine;
    private EngineEndpoint endpoint;
    private Thread shutdownHook;
    private volatile WatchdogProcess watchdog;
    private List<Path> exitClasspath = List.of();
    private boolean exitClassesLoaded;
    private volatile boolean sweepAtExit;

    private BuildSession() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dock-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static BuildSession of(MavenSession session) {
        synchronized (SESSIONS) {
            return SESSIONS.computeIfAbsent(session.getRequest(), r -> new BuildSession());
        }
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

    /** The engine, found on first use and kept for the session: log streams outlive the run goal. */
    synchronized Engine engine(String explicitHost, Console console, RegistryAuth registryAuth) {
        if (engine == null) {
            DockerJavaEngine found = EngineLocator.locate(explicitHost, registryAuth, console::debug);
            endpoint = found.endpoint();
            engine = new GuardedEngine(found);
            // Only when it is shown: the version costs a request on the way to the first container.
            if (console.isDebugEnabled()) {
                console.debug("Using the engine at " + engine.info().endpoint() + " ("
                        + engine.info().source() + ", " + engine.info().version() + ")");
            }
        }
        return engine;
    }

    /**
     * Guards a lifecycle run, before it creates anything: remembers it until {@code stop} removed it, and on the
     * session's first run installs the shutdown hook and starts the watchdog.
     *
     * @param classpath the plugin's class path, for the watchdog
     */
    synchronized void guard(RunRecord record, Console console, Supplier<List<Path>> classpath) {
        live.add(record);
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(() -> onExit(console), "dock-exit");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        exitClasspath = classpath.get();
        startWatchdog(console, exitClasspath);
    }

    /**
     * Prepares the shutdown hook once a run has started its containers (or failed to), off the way to them: loads
     * what the hook needs while the plugin's class realm is open (once per session), and lists what the session
     * created, as the hook will: the engine client then has loaded what it needs to read networks and volumes that
     * exist.
     *
     * @param now whether to load on this thread before returning: a run that failed ends the build at once, and Maven
     *     closes the class realm before the hook runs
     */
    synchronized void prepareExit(Console console, boolean now) {
        GuardedEngine current = engine;
        if (current == null || shutdownHook == null) {
            return;
        }
        if (!exitClassesLoaded) {
            exitClassesLoaded = true;
            List<Path> jars = exitClasspath;
            if (now) {
                loadWhatTheExitNeeds(console, jars);
            } else {
                executor.execute(() -> loadWhatTheExitNeeds(console, jars));
            }
        }
        executor.execute(() -> {
            try {
                Map<String, String> filter = Reaper.sessionFilter(id);
                current.listContainers(filter);
                current.listNetworks(filter);
                current.listVolumes(filter);
            } catch (RuntimeException ignored) {
                // the hook reports what fails when it matters
            }
        });
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
        if (!removedAll) {
            sweepAtExit = true;
        }
        live.remove(record);
    }

    /** Forgets a run whose resources are kept on purpose ({@code dock.keep}): nothing removes them any more. */
    void keep(RunRecord record) {
        live.remove(record);
        List<String> names = new ArrayList<>();
        for (Started container : record.containers()) {
            names.add(container.id());
            names.add(container.name());
        }
        names.addAll(record.networks());
        names.addAll(record.volumes());
        keep(names);
    }

    /** Keeps these resources (container ids or names, network or volume names) out of every cleanup at exit. */
    void keep(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        kept.addAll(names);
        WatchdogProcess current = watchdog;
        if (current != null) {
            current.keep(names);
        }
    }

    /** The lifecycle runs of this session not yet stopped, of one project. */
    List<RunRecord> liveRuns(String project) {
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord record : live) {
            if (record.scope().project().equals(project)) {
                runs.add(record);
            }
        }
        return runs;
    }

    private void startWatchdog(Console console, List<Path> classpath) {
        if (classpath.isEmpty()) {
            console.warn("Cannot start the watchdog that removes this build's containers if Maven is killed: the"
                    + " plugin's class path is unknown. If Maven is killed, the next dock:run of this project removes"
                    + " what it left.");
            return;
        }
        try {
            watchdog = WatchdogProcess.start(classpath, id, endpoint, WATCHDOG_GIVE_UP, console);
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
            engine.refuseNewResources();
            if (live.isEmpty() && !sweepAtExit) {
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
        int expected = live.stream().mapToInt(r -> r.containers().size()).sum();
        if (expected > 0) {
            console.warn("Maven is exiting before dock:stop ran: killing and removing the " + expected + " container"
                    + (expected == 1 ? "" : "s") + " this build started, with its network and volumes");
        } else if (!live.isEmpty()) {
            console.warn("Maven is exiting while dock:run is starting containers: removing what it created so far");
        }
        Map<String, String> filter = Reaper.sessionFilter(id);
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
        Reaper.Result result = new Reaper(engine, executor).reap(filter, kept::contains, Duration.ZERO, EXIT_LIMIT);
        live.clear();
        if (result.total() > 0) {
            console.warn("Removed " + result.summary() + " of this build in "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
        }
        if (!result.complete()) {
            console.warn("Could not remove everything this build started:\n  - "
                    + String.join("\n  - ", result.failures()) + "\n" + whatHappensToTheRest());
        }
        return result.complete();
    }

    private String whatHappensToTheRest() {
        WatchdogProcess current = watchdog;
        return current != null && current.isAlive()
                ? "The watchdog keeps trying for " + Durations.format(WATCHDOG_GIVE_UP) + " after Maven exits; after"
                        + " that, the next dock:run of the project removes it, or mvn dock:remove."
                : "The next dock:run of the project removes it, or mvn dock:remove.";
    }

    /**
     * Loads, while the plugin's class realm is open, every class the shutdown hook may need: Maven closes the realm
     * when the build ends, before the JVM runs its hooks, and a class loaded only then would be missing. Our own and
     * the engine client's classes are loaded by name; the rest of what the client uses, by making the calls the hook
     * makes (listing by labels, and removing what does not exist).
     */
    private void loadWhatTheExitNeeds(Console console, List<Path> classpath) {
        ClassLoader loader = getClass().getClassLoader();
        int loaded = 0;
        List<String> missing = new ArrayList<>();
        for (Path entry : classpath) {
            for (String name : classNames(entry, console)) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError optionalDependencyAbsent) {
                    missing.add(name);
                }
            }
        }
        String nothing = "dock-nothing-" + id;
        try {
            new Reaper(engine, executor)
                    .reap(Reaper.sessionFilter(nothing), kept::contains, Duration.ZERO, Duration.ofSeconds(5))
                    .summary();
            engine.removeContainer(nothing);
            engine.removeNetwork(nothing);
            engine.removeVolume(nothing);
        } catch (RuntimeException e) {
            console.debug("Could not prepare the shutdown cleanup: " + e.getMessage());
        }
        console.debug("Loaded " + loaded + " classes for the shutdown cleanup"
                + (missing.isEmpty() ? "" : "; " + missing.size() + " need what is not here, e.g. " + missing.get(0)));
    }

    /** The binary names of our classes and the engine client's in a jar or classes directory of the class path. */
    private static List<String> classNames(Path entry, Console console) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.map(p -> entry.relativize(p).toString().replace('\\', '/'))
                            .filter(BuildSession::isPreloaded)
                            .forEach(n -> names.add(binaryName(n)));
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (isPreloaded(name)) {
                            names.add(binaryName(name));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            console.debug("Could not list the classes of " + entry + ": " + e);
        }
        return names;
    }

    private static boolean isPreloaded(String path) {
        return path.endsWith(".class")
                && !path.endsWith("module-info.class")
                && PRELOADED.stream().anyMatch(path::startsWith);
    }

    private static String binaryName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}

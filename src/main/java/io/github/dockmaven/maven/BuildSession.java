package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.ImageCache;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Stopper;
import io.github.dockmaven.docker.EngineLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * What this plugin keeps for one Maven session (one {@code mvn} invocation), shared by every execution and module:
 * the session's id, the engine client, the images seen, and the runs whose containers must be gone when the build
 * ends, however it ends.
 */
final class BuildSession {

    private static final Map<MavenExecutionRequest, BuildSession> SESSIONS = new WeakHashMap<>();

    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final ImageCache images = new ImageCache();
    private final List<RunRecord> live = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private Engine engine;
    private Thread shutdownHook;

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
    synchronized Engine engine(String explicitHost, Console console) {
        if (engine == null) {
            engine = EngineLocator.locate(explicitHost, console::debug);
            // Only when it is shown: the version costs a request on the way to the first container.
            if (console.isDebugEnabled()) {
                console.debug("Using the engine at " + engine.info().endpoint() + " ("
                        + engine.info().source() + ", " + engine.info().version() + ")");
            }
        }
        return engine;
    }

    /**
     * Remembers a lifecycle run so that its containers are removed when the JVM exits before {@code stop} ran: a
     * failed build, Ctrl-C, or SIGTERM.
     */
    synchronized void register(RunRecord record, Console console) {
        live.add(record);
        if (shutdownHook == null) {
            shutdownHook = new Thread(() -> removeLeftovers(console), "dock-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Forgets a run whose containers were removed or are kept on purpose. */
    void unregister(RunRecord record) {
        live.remove(record);
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

    private void removeLeftovers(Console console) {
        if (live.isEmpty() || engine == null) {
            return;
        }
        int count = live.stream().mapToInt(r -> r.containers().size()).sum();
        console.warn("The build ended before dock:stop ran: removing " + count + " container" + (count == 1 ? "" : "s")
                + " it started");
        for (RunRecord record : live) {
            try {
                new Stopper(engine, console, executor).removeAll(record, true);
            } catch (RuntimeException e) {
                console.warn(e.getMessage());
            }
        }
        live.clear();
    }
}

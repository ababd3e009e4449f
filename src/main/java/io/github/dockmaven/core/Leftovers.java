package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What earlier builds of a project left behind, looked at by {@code run} before it starts anything.
 *
 * <p>Removed: the lifecycle resources of builds whose Maven process no longer runs on this machine (a machine that
 * lost power, a process tree killed together with its watchdog). Nobody can use them any more, they hold memory and
 * ports, and a fixed host port among them would make this build fail.
 *
 * <p>Never touched: resources of a build that may still run (its Maven process lives, or it runs on another host or
 * in another pid namespace, where we cannot tell), those of {@code mvn dock:run} typed on the command line (meant to
 * outlive Maven) and those kept with {@code dock.keep} (kept on purpose; listed, with how to remove them).
 */
public final class Leftovers {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Engine engine;
    private final Console console;
    private final Reaper reaper;
    private final Executor executor;

    public Leftovers(Engine engine, Console console, Executor executor) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
        this.reaper = new Reaper(engine, executor);
    }

    /** Whether a resource with these labels was left by a lifecycle build that no longer runs. */
    public static boolean isLeftover(Map<String, String> labels, String ownSession) {
        return Labels.MODE_LIFECYCLE.equals(labels.get(Labels.MODE))
                && !ownSession.equals(labels.get(Labels.SESSION))
                && !Owners.isAlive(labels);
    }

    /**
     * Removes what dead builds of {@code project} left, reports what earlier builds kept, and never fails: a problem
     * here is reported as a warning, and the build goes on.
     */
    public void clean(String project, String ownSession) {
        Map<String, String> filter = Labels.ofProject(project);
        Map<String, String> deadSessions = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        // three questions at once: the first of each kind costs the client more than the engine
        CompletableFuture<List<ContainerInfo>> containers =
                CompletableFuture.supplyAsync(() -> engine.listContainers(filter), executor);
        CompletableFuture<List<Engine.ResourceInfo>> networks =
                CompletableFuture.supplyAsync(() -> engine.listNetworks(filter), executor);
        CompletableFuture<List<Engine.ResourceInfo>> volumes =
                CompletableFuture.supplyAsync(() -> engine.listVolumes(filter), executor);
        try {
            for (ContainerInfo container : answer(containers)) {
                Map<String, String> labels = container.labels();
                if (isLeftover(labels, ownSession)) {
                    deadSessions.putIfAbsent(labels.get(Labels.SESSION), labels.get(Labels.OWNER));
                } else if (Labels.MODE_KEPT.equals(labels.get(Labels.MODE))
                        && !ownSession.equals(labels.get(Labels.SESSION))) {
                    kept.add(Cleanup.fromLabels(container).describe());
                }
            }
            for (Engine.ResourceInfo resource : answer(networks)) {
                if (isLeftover(resource.labels(), ownSession)) {
                    deadSessions.putIfAbsent(
                            resource.labels().get(Labels.SESSION),
                            resource.labels().get(Labels.OWNER));
                }
            }
            for (Engine.ResourceInfo resource : answer(volumes)) {
                if (isLeftover(resource.labels(), ownSession)) {
                    deadSessions.putIfAbsent(
                            resource.labels().get(Labels.SESSION),
                            resource.labels().get(Labels.OWNER));
                }
            }
        } catch (EngineException e) {
            console.debug("Could not look for what earlier builds of " + project + " left: " + e.getMessage());
            return;
        }
        if (!kept.isEmpty()) {
            console.info("Earlier builds of " + project + " kept " + kept.size() + " container"
                    + (kept.size() == 1 ? "" : "s") + " with dock.keep: " + String.join(", ", kept)
                    + "; mvn dock:remove removes them");
        }
        deadSessions.forEach((session, owner) -> {
            Map<String, String> sessionFilter = new LinkedHashMap<>(filter);
            sessionFilter.put(Labels.SESSION, session);
            sessionFilter.put(Labels.MODE, Labels.MODE_LIFECYCLE);
            Reaper.Result result = reaper.reap(sessionFilter, name -> false, Duration.ZERO, LIMIT);
            String which = "an earlier build of " + project + " (build " + session + ", Maven process " + owner
                    + ", which no longer runs) left behind";
            if (result.total() > 0) {
                console.warn("Removed what " + which + ": " + result.summary());
            }
            if (!result.complete()) {
                console.warn(
                        "Could not remove everything " + which + ":\n  - " + String.join("\n  - ", result.failures()));
            }
        });
    }

    /** What a listing answered; its engine failure as it was thrown. */
    private static <T> T answer(CompletableFuture<T> listing) {
        try {
            return listing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

package io.github.dockmaven.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

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
    private final Executor executor;
    private final Teardown teardown;

    public Leftovers(Engine engine, Console console, Executor executor) {
        this.engine = engine;
        this.console = console;
        this.executor = executor;
        this.teardown = new Teardown(engine, console, executor);
    }

    /**
     * Removes what dead builds of {@code project} left, reports what earlier builds kept, and never fails: a problem
     * here is reported as a warning, and the build goes on.
     */
    public void clean(String project, String ownSession) {
        Map<String, String> filter = Labels.ofProject(project);
        // three questions at once: the first of each kind costs the client more than the engine
        CompletableFuture<List<ContainerInfo>> containers =
                CompletableFuture.supplyAsync(() -> engine.listContainers(filter), executor);
        CompletableFuture<List<Engine.ResourceInfo>> networks =
                CompletableFuture.supplyAsync(() -> engine.listNetworks(filter), executor);
        CompletableFuture<List<Engine.ResourceInfo>> volumes =
                CompletableFuture.supplyAsync(() -> engine.listVolumes(filter), executor);
        List<ContainerInfo> listedContainers;
        Stream<Labels> everything;
        try {
            listedContainers = answer(containers);
            everything = Stream.of(
                            listedContainers.stream().map(ContainerInfo::labels),
                            answer(networks).stream().map(Engine.ResourceInfo::labels),
                            answer(volumes).stream().map(Engine.ResourceInfo::labels))
                    .flatMap(labels -> labels)
                    .map(Labels::new);
        } catch (EngineException e) {
            console.debug("Could not look for what earlier builds of " + project + " left: " + e.getMessage());
            return;
        }
        List<String> kept = listedContainers.stream()
                .filter(c -> new Labels(c.labels()).isKeptByAnotherBuild(ownSession))
                .map(c -> LabelledSelection.asStarted(c).describe())
                .toList();
        if (!kept.isEmpty()) {
            console.info("Earlier builds of " + project + " kept " + kept.size() + " container"
                    + (kept.size() == 1 ? "" : "s") + " with dock.keep: " + String.join(", ", kept)
                    + "; mvn dock:remove removes them");
        }
        Map<String, String> deadSessions = new LinkedHashMap<>();
        everything
                .filter(labels -> labels.isLeftByADeadBuild(ownSession))
                .forEach(labels -> deadSessions.putIfAbsent(labels.session(), labels.owner()));
        deadSessions.forEach((session, owner) -> removeSession(project, session, owner));
    }

    private void removeSession(String project, String session, String owner) {
        // of this project only: a reactor build's session holds the other modules' leftovers too, theirs to remove
        Map<String, String> filter = Labels.ofProject(project);
        filter.putAll(Labels.ofLifecycleSession(session));
        TeardownReport report =
                teardown.remove(Selection.byLabels(filter), RemovalPolicy.killUntilEmpty(Duration.ZERO, LIMIT));
        String which = "an earlier build of " + project + " (build " + session + ", Maven process " + owner
                + ", which no longer runs) left behind";
        if (report.total() > 0) {
            console.warn("Removed what " + which + ": " + report.summary());
        }
        if (!report.isComplete()) {
            console.warn("Could not remove everything " + which + ":\n" + report.failureList());
        }
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

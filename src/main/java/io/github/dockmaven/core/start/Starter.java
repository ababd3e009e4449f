package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.PullDisplay;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.VolumeMount;
import io.github.dockmaven.core.wait.Waiter;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Starts the containers of a {@link Plan}: builds the images to build and pulls what is missing, creates the build's network and volumes, then takes
 * every container through its {@link ContainerStep steps} as soon as what it depends on is ready, independent ones in
 * parallel. If anything fails, everything this execution created is removed before the failure is thrown.
 *
 * <p>This class is the schedule: which step waits for which. What each step does is in its own class.
 */
public final class Starter {

    /** How often {@link PullDisplay#lines} reports a running pull, when no other display is given. */
    public static final Duration PULL_PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final Function<String, Consumer<LogLine>> outputs;
    private final Executor executor;
    private final ImageStep image;
    private final ConflictHints hints;
    private final LongSupplier nanoTime;

    /** A starter that reports pulls as periodic log lines; see the other constructor. */
    public Starter(
            Engine engine,
            Console console,
            Scope scope,
            Function<String, Consumer<LogLine>> outputs,
            Executor executor,
            ImageCache images) {
        this(engine, console, scope, outputs, executor, images, PullDisplay.lines(console, PULL_PROGRESS_EVERY));
    }

    /**
     * A starter on the system's clock.
     *
     * @param engine the engine
     * @param console the console
     * @param scope who creates the resources
     * @param outputs opens the output of a container by alias; a returned {@link Closeable} is closed when the
     *     container's output ends
     * @param executor runs the concurrent steps
     * @param images the images already made present in this Maven session
     * @param pulls shows the progress of pulls
     */
    public Starter(
            Engine engine,
            Console console,
            Scope scope,
            Function<String, Consumer<LogLine>> outputs,
            Executor executor,
            ImageCache images,
            PullDisplay pulls) {
        this(engine, console, scope, outputs, executor, images, pulls, System::nanoTime);
    }

    /**
     * A starter on the given clock, as the other constructor.
     *
     * @param nanoTime the clock that times the steps and the waits, as {@link System#nanoTime()}
     */
    public Starter(
            Engine engine,
            Console console,
            Scope scope,
            Function<String, Consumer<LogLine>> outputs,
            Executor executor,
            ImageCache images,
            PullDisplay pulls,
            LongSupplier nanoTime) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.outputs = outputs;
        this.executor = executor;
        this.image = new ImageStep(
                engine,
                console,
                images,
                pulls,
                nanoTime,
                new BuildImage(engine, console, scope, outputs, images, nanoTime));
        this.hints = new ConflictHints(engine, console, scope);
        this.nanoTime = nanoTime;
    }

    /**
     * Starts every container of {@code plan}, adding what it creates to {@code record} as soon as it exists (so a
     * cleanup on another thread sees it). Throws {@link BuildFailure} or {@link EngineException} after removing
     * everything this call created.
     */
    public void start(Plan plan, RunRecord record) {
        start(plan, record, () -> {});
    }

    /**
     * Starts every container of {@code plan} as {@link #start(Plan, RunRecord)} does, running {@code
     * beforeContainers} alongside the image checks, pulls and network creation, and creating no container before it
     * returned: it may free names and host ports the containers need.
     */
    public void start(Plan plan, RunRecord record, Runnable beforeContainers) {
        start(plan, record, beforeContainers, () -> false);
    }

    /**
     * Starts every container of {@code plan} as {@link #start(Plan, RunRecord, Runnable)} does, giving up once {@code
     * cancelled} answers true: waits end, nothing more is created, what was created is removed, and {@link
     * Waiter.Cancelled} is thrown. For a start nobody will use any more. A cancel that comes once every container's
     * last step (its last {@code postStart} command, its report) has begun cuts nothing short: the start returns, and
     * removing its containers is the caller's.
     */
    public void start(Plan plan, RunRecord record, Runnable beforeContainers, BooleanSupplier cancelled) {
        long begin = nanoTime.getAsLong();
        checkBindSources(plan);
        StartAttempt attempt = new StartAttempt(executor, cancelled);
        CompletableFuture<Void> cleared = attempt.run(beforeContainers);
        BuildResources resources = new BuildResources(engine, console, scope, record, plan, plan.needsBuildNetwork());
        Prerequisites shared = prepare(plan, resources, attempt);

        ContainerRequest requests = new ContainerRequest(resources);
        ContainerStep adopt = new AdoptReused(engine, console, scope, record, requests);
        List<ContainerStep> steps = steps(record, resources.networkName(), requests);
        List<ContainerStep> adoptedSteps = adoptedSteps(record, resources.networkName());
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (List<ContainerSpec> level : plan.levels()) {
            for (ContainerSpec spec : level) {
                List<CompletableFuture<Void>> before = shared.of(spec);
                before.add(cleared);
                spec.dependsOn().forEach(dep -> before.add(ready.get(dep)));
                ready.put(spec.alias(), attempt.runAfter(before, () -> {
                    Starting container = new Starting(spec, nanoTime.getAsLong(), attempt::failed);
                    adopt.run(container);
                    (container.adopted ? adoptedSteps : steps).forEach(step -> step.run(container));
                }));
            }
        }
        attempt.await(ready.values());
        attempt.throwIfFailed(() -> rollback(record));
        int count = plan.containers().size();
        if (count > 1) {
            // Next to each container's own time, this shows what the parallel start saved.
            console.info("Started " + count + " containers in "
                    + Durations.format(Duration.ofNanos(nanoTime.getAsLong() - begin)));
        }
    }

    /** Starts making the images, the network and the named volumes of {@code plan}, each at once and each once. */
    private Prerequisites prepare(Plan plan, BuildResources resources, StartAttempt attempt) {
        Map<String, CompletableFuture<Void>> images = new LinkedHashMap<>();
        ImageStep.byImage(plan.containers())
                .forEach((name, users) -> images.put(name, attempt.run(() -> image.run(users))));
        CompletableFuture<Void> network = resources.networkName() != null
                ? attempt.run(resources::createNetwork)
                : CompletableFuture.completedFuture(null);
        Map<String, CompletableFuture<Void>> volumes = new LinkedHashMap<>();
        for (ContainerSpec spec : plan.containers()) {
            for (VolumeMount volume : spec.volumes()) {
                if (volume.isOwn()) {
                    volumes.computeIfAbsent(volume.source(), name -> attempt.run(() -> resources.createVolume(name)));
                }
            }
        }
        return new Prerequisites(images, network, volumes);
    }

    /** What containers share and wait for before their first step: images by name, the network, volumes by name. */
    private record Prerequisites(
            Map<String, CompletableFuture<Void>> images,
            CompletableFuture<Void> network,
            Map<String, CompletableFuture<Void>> volumes) {

        /** What {@code spec} waits for of them, in a list the caller may add to. */
        List<CompletableFuture<Void>> of(ContainerSpec spec) {
            List<CompletableFuture<Void>> before = new ArrayList<>();
            before.add(images.get(spec.image()));
            if (spec.usesBuildNetwork()) {
                before.add(network);
            }
            spec.volumes().stream().filter(VolumeMount::isOwn).forEach(v -> before.add(volumes.get(v.source())));
            return before;
        }
    }

    /** A container's way to ready, in order. */
    private List<ContainerStep> steps(RunRecord record, String networkName, ContainerRequest requests) {
        return List.of(
                new CreateContainer(engine, console, scope, record, hints, requests),
                new CopyIn(engine, console),
                new StartContainer(engine, hints),
                new FollowOutput(engine, console, outputs, record, executor),
                new AwaitReady(engine, nanoTime),
                new RunPostStart(engine),
                new ReportReady(engine, console, record, networkName, nanoTime));
    }

    /**
     * The way to ready of a container an earlier build left running for reuse: created, started and through its
     * {@code postStart} already, it is only followed and waited for (a wait that held before holds at once).
     */
    private List<ContainerStep> adoptedSteps(RunRecord record, String networkName) {
        return List.of(
                new FollowOutput(engine, console, outputs, record, executor),
                new AwaitReady(engine, nanoTime),
                new ReportReady(engine, console, record, networkName, nanoTime));
    }

    private static void checkBindSources(Plan plan) {
        for (ContainerSpec spec : plan.containers()) {
            for (VolumeMount volume : spec.volumes()) {
                if (!volume.named() && !Files.exists(Path.of(volume.source()))) {
                    throw new BuildFailure("Container " + spec.describe() + " mounts " + volume.source() + " at "
                            + volume.target() + ", but that host path does not exist. Create it, or fix the path in"
                            + " <volumes> (a relative path is resolved against the project's directory).");
                }
            }
        }
    }

    /** Removes everything {@code record} holds, after a failed start. */
    private void rollback(RunRecord record) {
        int containers = record.containers().size();
        try {
            new Teardown(engine, console, executor)
                    .removeRun(record, RemovalPolicy.stop().quietly())
                    .throwIfIncomplete();
        } catch (RuntimeException e) {
            console.warn("Could not remove everything after the failed start: " + e.getMessage());
            return;
        }
        if (containers + record.networks().size() + record.volumes().size() > 0) {
            console.info("Removed what this execution had created (" + containers + " container"
                    + (containers == 1 ? "" : "s") + ") because it failed");
        }
    }
}

package io.github.dockmaven.core;

import io.github.dockmaven.core.wait.Waiter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts the containers of a {@link Plan}: pulls what is missing, creates the build's network and volumes, then
 * creates, starts and waits for every container as soon as what it depends on is ready, independent ones in
 * parallel. If anything fails, everything this execution created is removed before the failure is thrown.
 */
public final class Starter {

    /** How often {@link PullDisplay#lines} reports a running pull, when no other display is given. */
    public static final Duration PULL_PROGRESS_EVERY = Duration.ofSeconds(5);

    private static final String DEFAULT_BRIDGE = "bridge";

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final Function<String, Consumer<LogLine>> outputs;
    private final Executor executor;
    private final ImageCache images;
    private final PullDisplay pulls;

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
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.outputs = outputs;
        this.executor = executor;
        this.images = images;
        this.pulls = pulls;
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
        long begin = System.nanoTime();
        checkBindSources(plan);
        AtomicBoolean failed = new AtomicBoolean();
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<Void> cleared = step(failed, failures, beforeContainers);
        Map<String, CompletableFuture<Void>> imageReady = new LinkedHashMap<>();
        for (ContainerSpec spec : plan.containers()) {
            imageReady.computeIfAbsent(spec.image(), image -> step(failed, failures, () -> ensureImage(spec)));
        }
        // The build's network is for containers that find each other by alias. A container alone on it would have
        // nobody to be found by, and a network costs the engine ~0.4s per build (created, joined, removed): a lone
        // container runs on the engine's default network instead, as a plain `docker run` would.
        long joining = plan.containers().stream()
                .filter(ContainerSpec::usesBuildNetwork)
                .count();
        boolean needsNetwork = joining >= 2;
        String networkName = needsNetwork ? scope.name("net") : null;
        CompletableFuture<Void> networkReady = needsNetwork
                ? step(failed, failures, () -> {
                    engine.createNetwork(networkName, scope.labels());
                    record.addNetwork(networkName);
                    console.debug("Created network " + networkName);
                })
                : CompletableFuture.completedFuture(null);
        Map<String, CompletableFuture<Void>> volumeReady = new LinkedHashMap<>();
        for (ContainerSpec spec : plan.containers()) {
            for (VolumeMount volume : spec.volumes()) {
                if (volume.named()) {
                    volumeReady.computeIfAbsent(
                            volume.source(),
                            name -> step(failed, failures, () -> {
                                String actual = volumeName(name);
                                if (engine.createVolume(actual, scope.labels())) {
                                    record.addVolume(actual);
                                }
                            }));
                }
            }
        }

        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (List<ContainerSpec> level : plan.levels()) {
            for (ContainerSpec spec : level) {
                List<CompletableFuture<Void>> before = new ArrayList<>();
                before.add(cleared);
                before.add(imageReady.get(spec.image()));
                if (spec.usesBuildNetwork()) {
                    before.add(networkReady);
                }
                spec.volumes().stream()
                        .filter(VolumeMount::named)
                        .forEach(v -> before.add(volumeReady.get(v.source())));
                spec.dependsOn().forEach(dep -> before.add(ready.get(dep)));
                CompletableFuture<Void> after = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenComposeAsync(
                                ignored -> step(failed, failures, () -> startOne(spec, record, networkName, failed)),
                                executor);
                ready.put(spec.alias(), after);
            }
        }
        try {
            CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            // The causes were collected by each step; the first is the one to report.
        }
        if (!failures.isEmpty()) {
            rollback(record);
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        int count = plan.containers().size();
        if (count > 1) {
            // Next to each container's own time, this shows what the parallel start saved.
            console.info("Started " + count + " containers in "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - begin)));
        }
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

    private CompletableFuture<Void> step(AtomicBoolean failed, List<RuntimeException> failures, Runnable work) {
        return CompletableFuture.runAsync(
                () -> {
                    if (failed.get()) {
                        throw new Waiter.Cancelled();
                    }
                    try {
                        work.run();
                    } catch (Waiter.Cancelled cancelled) {
                        throw cancelled;
                    } catch (RuntimeException e) {
                        failed.set(true);
                        failures.add(e);
                        throw e;
                    }
                },
                executor);
    }

    private String volumeName(String name) {
        return scope.name("vol-" + name);
    }

    private void ensureImage(ContainerSpec spec) {
        String image = spec.image();
        switch (spec.pullPolicy()) {
            case NEVER -> {
                if (!images.isPresent(image, engine)) {
                    throw new BuildFailure("Image '" + image + "' of container '" + spec.alias()
                            + "' is not present locally, and its <pullPolicy> is never. Build or pull it first"
                            + " (docker pull " + image + "), or set <pullPolicy>missing</pullPolicy>.");
                }
            }
            case MISSING -> {
                if (!images.isPresent(image, engine)) {
                    if (spec.archive() != null) {
                        load(spec);
                    } else {
                        pull(spec);
                    }
                }
            }
            case ALWAYS -> {
                if (!images.wasPulled(image)) {
                    pull(spec);
                }
            }
        }
    }

    private void load(ContainerSpec spec) {
        if (!Files.isRegularFile(spec.archive())) {
            throw new BuildFailure("Container " + spec.describe() + " has <archive>" + spec.archive()
                    + "</archive>, but that file does not exist. Create it with docker save -o <file> "
                    + spec.image() + ", or fix the path.");
        }
        long start = System.nanoTime();
        engine.load(spec.archive());
        if (!engine.imageExists(spec.image())) {
            throw new BuildFailure("Container " + spec.describe() + ": the archive " + spec.archive()
                    + " was loaded, but it does not hold the image '" + spec.image() + "'. Fix <image> or"
                    + " <archive>.");
        }
        images.markPresent(spec.image());
        console.info("Loaded " + spec.image() + " from " + spec.archive().getFileName() + " in "
                + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
    }

    private void pull(ContainerSpec spec) {
        String image = spec.image();
        images.pullOnce(image, () -> {
            PullDisplay.Pull shown = pulls.begin(image, spec.alias());
            long start = System.nanoTime();
            try {
                engine.pull(image, shown::progress);
            } catch (RuntimeException e) {
                shown.failed();
                throw e;
            }
            shown.done(Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** @param networkName the build's network, or null when the build has none */
    private void startOne(ContainerSpec spec, RunRecord record, String networkName, AtomicBoolean failed) {
        long start = System.nanoTime();
        String name = spec.name() != null ? spec.name() : scope.name(spec.alias());
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(scope.labels());
        labels.putAll(Labels.of(spec));
        Map<String, List<String>> networks = new LinkedHashMap<>();
        String networkMode = null;
        if (spec.usesBuildNetwork()) {
            if (networkName != null) {
                networks.put(networkName, List.of(spec.alias()));
            }
        } else if (spec.networks().size() == 1
                && (spec.networks().get(0).equals("host")
                        || spec.networks().get(0).equals("none"))) {
            networkMode = spec.networks().get(0);
        } else {
            // Docker refuses aliases on its default network ("network-scoped alias is supported only for containers
            // in user defined networks"): a container joins 'bridge' without one.
            spec.networks().forEach(n -> networks.put(n, n.equals(DEFAULT_BRIDGE) ? List.of() : List.of(spec.alias())));
        }
        List<String> binds = spec.volumes().stream()
                .map(v -> v.named() ? new VolumeMount(true, volumeName(v.source()), v.target(), v.readOnly()) : v)
                .map(VolumeMount::bind)
                .toList();
        ContainerCreate create = new ContainerCreate(
                name,
                spec.image(),
                spec.command(),
                spec.entrypoint(),
                spec.env(),
                labels,
                spec.ports(),
                binds,
                networks,
                networkMode);
        console.debug("Creating '" + spec.alias() + "' as " + name);
        String id;
        try {
            id = engine.createContainer(create);
        } catch (EngineException.NameInUse e) {
            throw new BuildFailure(
                    "Container " + spec.describe() + " cannot be created: the name '" + name + "' is already in use"
                            + holderOf(name),
                    e);
        }
        Started created = new Started(
                spec.alias(),
                spec.image(),
                id,
                name,
                Map.of(),
                "",
                spec.stopMode(),
                spec.stopTimeout(),
                spec.dependsOn());
        record.addContainer(created);
        String subject = "Container " + created.describe();
        if (failed.get()) {
            throw new Waiter.Cancelled();
        }
        try {
            engine.startContainer(id);
        } catch (EngineException.PortInUse e) {
            throw new BuildFailure(
                    subject + " could not start: " + e.engineWords() + portOwner(spec)
                            + ". Free that host port, or let Docker choose a free one by giving only the container port"
                            + " in <port>.",
                    e);
        }
        Consumer<LogLine> output = outputs.apply(spec.alias());
        ContainerLog log = new ContainerLog(output);
        // Followed alongside the wait, not before it: the engine replays a container's output from its start, so no
        // line is missed, and the first stream of a build costs ~0.1s to set up.
        CompletableFuture.runAsync(
                () -> {
                    try {
                        record.addFollower(engine.followLogs(id, log, () -> {
                            log.ended();
                            if (output instanceof Closeable closeable) {
                                closeQuietly(closeable);
                            }
                        }));
                    } catch (EngineException.NotFound gone) {
                        // removed from outside: the wait says so
                    } catch (RuntimeException e) {
                        console.warn("Could not follow the output of " + created.describe() + ": " + e.getMessage());
                    }
                },
                executor);
        // Asked here, not before the first create: the engine's info may cost a request (its version), which would
        // otherwise delay every container.
        String host = engine.info().portHost();
        new Waiter(spec.readiness()).await(subject, () -> engine.inspect(id), log, host, failed::get);
        log.waitsDone();
        Optional<ContainerInfo> info = engine.inspect(id);
        Map<String, Integer> ports = info.map(ContainerInfo::ports).orElse(Map.of());
        String ip = info.map(i -> networkName != null && i.ipAddresses().containsKey(networkName)
                        ? i.ipAddresses().get(networkName)
                        : firstIp(i))
                .orElse("");
        Started started = new Started(
                spec.alias(), spec.image(), id, name, ports, ip, spec.stopMode(), spec.stopTimeout(), spec.dependsOn());
        record.updateContainer(started);
        console.info("Started " + started.describe() + " in "
                + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + portSummary(spec, ports, host));
    }

    private static String firstIp(ContainerInfo info) {
        return info.ipAddresses().values().stream().findFirst().orElse("");
    }

    private static String portSummary(ContainerSpec spec, Map<String, Integer> ports, String host) {
        StringBuilder sb = new StringBuilder();
        for (PortMapping port : spec.ports()) {
            Integer hostPort = ports.get(port.key());
            if (hostPort != null) {
                sb.append(sb.length() == 0 ? "; " : ", ")
                        .append(port.containerPort())
                        .append(port.protocol().equals("udp") ? "/udp" : "")
                        .append(" -> ")
                        .append(host)
                        .append(':')
                        .append(hostPort);
            }
        }
        return sb.toString();
    }

    /** Who holds a container name, and how to free it: the end of the message about a name in use. */
    private String holderOf(String name) {
        Optional<ContainerInfo> holder;
        try {
            holder = engine.inspect(name);
        } catch (EngineException e) {
            holder = Optional.empty();
        }
        if (holder.isEmpty()) {
            return ". Choose another <name>, or remove that container.";
        }
        Labels labels = new Labels(holder.get().labels());
        String by = " by container " + holder.get().shortId();
        String project = labels.project();
        if (project == null) {
            return by + ", which was not created by this plugin. Choose another <name>, or remove that container.";
        }
        if (labels.isOfSession(scope.session())) {
            return by + ", which this build started for " + project + " (execution "
                    + Objects.requireNonNullElse(labels.execution(), "?") + "). Give each container its own <name>.";
        }
        String session = Objects.requireNonNullElse(labels.session(), "?");
        String owner = labels.owner();
        String build = "for " + project + " in build " + session.substring(0, Math.min(8, session.length()))
                + (owner == null ? "" : " (Maven process " + owner + ")");
        if (labels.isOfCommandLineRun()) {
            return by + ", which mvn dock:run started " + build + " and left running. Choose another <name>, or"
                    + " remove that container with mvn dock:stop.";
        }
        if (labels.isOwnerAlive()) {
            return by + ", which dock:run started " + build + ", a build still running. Choose another <name>, or"
                    + " let that build finish first.";
        }
        return by + ", which dock:run started " + build + ", a build that ended without removing it. Choose another"
                + " <name>, or remove that container with mvn dock:remove.";
    }

    private String portOwner(ContainerSpec spec) {
        try {
            for (PortMapping port : spec.ports()) {
                if (port.hostPort() == null) {
                    continue;
                }
                for (ContainerInfo other : engine.listContainers(Map.of())) {
                    if (other.ports().containsValue(port.hostPort())
                            && other.status().isRunning()) {
                        String project = other.labels().get(Labels.PROJECT);
                        return "; host port " + port.hostPort() + " is published by container " + other.name() + " ("
                                + other.shortId() + (project == null ? "" : ", of " + project) + ")";
                    }
                }
            }
        } catch (EngineException e) {
            console.debug("Could not find who holds the port: " + e.getMessage());
        }
        return "";
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

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing a log stream or file that is already gone is fine.
        }
    }
}

package io.github.dockmaven.core;

import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerInfo.Status;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container engine in memory, for unit tests of the core: containers with their lifecycle (created, running,
 * exited), exit codes, health, labels, published ports assigned from a counter, output and networks, volumes and
 * images. Each container can be scripted by alias ({@link #script(String)}): what it prints and when, when it exits
 * and with which code, how its health changes, how long it takes to start or stop, and which calls fail.
 *
 * <p>Every call and every scripted happening is recorded in order with a timestamp ({@link #events()}), so tests can
 * assert what happened before what, and what overlapped, without measuring wall-clock time.
 *
 * <p>It keeps the port's promises: stopping or removing something that is gone succeeds; a fixed host port that a
 * running container publishes already makes the start fail with {@link EngineException.Conflict}, as Docker does.
 */
public final class InMemoryEngine implements Engine {

    /** Where a scripted image is. */
    public enum ImageState {
        PRESENT,
        PULLABLE,
        ABSENT
    }

    /**
     * One recorded call or happening.
     *
     * @param seq its position in the recording
     * @param nanos when it happened, from {@link System#nanoTime()}
     * @param op the method called ({@code startContainer}), {@code <method>.done} when a call that takes time
     *     returned, or what happened ({@code log}, {@code exit}, {@code health})
     * @param subject the container's alias (its name if it has none), the network, volume or image name
     * @param detail a log line's text, an exit code or a health, else empty
     */
    public record Event(long seq, long nanos, String op, String subject, String detail) {

        @Override
        public String toString() {
            return op + " " + subject + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** How one container behaves, by alias. */
    public static final class Script {
        private final List<Timed<String>> lines = new ArrayList<>();
        private final List<Timed<Health>> health = new ArrayList<>();
        private Timed<Integer> exit;
        private final List<Gate> startGates = new ArrayList<>();
        private final List<Gate> stopGates = new ArrayList<>();
        private String createFailure;
        private String startFailure;
        private Error startError;
        private String removeFailure;
        private String stopLine;
        private final Map<String, ExecAnswer> execAnswers = new HashMap<>();
        private final Map<String, String> files = new HashMap<>();

        /** Prints {@code line} on stdout {@code afterMillis} after the start (0: while starting). */
        public Script prints(long afterMillis, String line) {
            lines.add(new Timed<>(afterMillis, line));
            return this;
        }

        /** Prints each line while starting. */
        public Script prints(String... lines) {
            for (String line : lines) {
                prints(0, line);
            }
            return this;
        }

        /** Prints {@code line} on stdout when it is stopped, as a server that says it shuts down. */
        public Script printsOnStop(String line) {
            stopLine = line;
            return this;
        }

        /** Exits with {@code code} {@code afterMillis} after the start. */
        public Script exits(long afterMillis, int code) {
            exit = new Timed<>(afterMillis, code);
            return this;
        }

        /** Declares a HEALTHCHECK (health {@code starting} at start) that reports {@code health} after a while. */
        public Script health(long afterMillis, Health health) {
            this.health.add(new Timed<>(afterMillis, health));
            return this;
        }

        /**
         * {@code startContainer} completes only once {@code op} happened on {@code subject}, so that a test orders
         * events by what happened, not by how long something took. A gate not opened within {@link #GATE_LIMIT}
         * opens anyway: the test's assertions on the order then fail instead of the test hanging.
         */
        public Script startAfter(String op, String subject) {
            startGates.add(new Gate(op, subject));
            return this;
        }

        /** {@code stopContainer} completes only once {@code op} happened on each of {@code subjects}. */
        public Script stopAfter(String op, List<String> subjects) {
            subjects.forEach(subject -> stopGates.add(new Gate(op, subject)));
            return this;
        }

        /** {@code createContainer} fails with a {@link EngineException.Conflict} of this message. */
        public Script failsOnCreate(String message) {
            createFailure = message;
            return this;
        }

        /** {@code startContainer} fails with a {@link EngineException.Conflict} of this message. */
        public Script failsOnStart(String message) {
            startFailure = message;
            return this;
        }

        /** {@code startContainer} throws {@code error}, as a class missing from the plugin's jar would. */
        public Script throwsOnStart(Error error) {
            startError = error;
            return this;
        }

        /** {@code removeContainer} fails with an {@link EngineException} of this message. */
        public Script failsOnRemove(String message) {
            removeFailure = message;
            return this;
        }

        /**
         * {@code exec} of {@code command} (its words joined by spaces) prints {@code output} and exits with {@code
         * exitCode}; a command not scripted prints nothing and exits 0.
         */
        public Script execAnswers(String command, int exitCode, String... output) {
            execAnswers.put(command, new ExecAnswer(exitCode, List.of(output), null, false));
            return this;
        }

        /** {@code exec} of {@code command} fails with an {@link EngineException} of this message. */
        /** {@code command} is still running when its time is up. */
        public Script execHangs(String command) {
            execAnswers.put(command, new ExecAnswer(0, List.of(), null, true));
            return this;
        }

        public Script execFails(String command, String message) {
            execAnswers.put(command, new ExecAnswer(0, List.of(), message, false));
            return this;
        }

        /** The container holds the file {@code path} with {@code content}, for {@code copyOut}. */
        public Script holds(String path, String content) {
            files.put(path, content);
            return this;
        }
    }

    private record Timed<T>(long afterMillis, T value) {}

    private record ExecAnswer(int exitCode, List<String> output, String failure, boolean hangs) {}

    private record Follower(Consumer<LogLine> sink, Runnable onEnd) {}

    /** A container as the fake holds it. */
    private final class Box {
        final String id;
        final String name;
        final String alias;
        final ContainerCreate create;
        final Script script;
        final Map<String, Integer> ports = new LinkedHashMap<>();
        final Map<String, String> ips = new LinkedHashMap<>();
        final List<String> output = new ArrayList<>();
        final List<Follower> followers = new ArrayList<>();
        Status status = Status.CREATED;
        int exitCode;
        Health health = Health.NONE;
        int generation;

        Box(String id, ContainerCreate create, Script script) {
            this.id = id;
            this.name = create.name();
            this.alias = create.labels().getOrDefault(Labels.ALIAS, create.name());
            this.create = create;
            this.script = script;
            create.networks().keySet().forEach(network -> ips.put(network, "172.18.0." + nextIp++));
        }

        ContainerInfo info() {
            return new ContainerInfo(
                    id,
                    name,
                    create.image(),
                    Map.copyOf(create.labels()),
                    status,
                    exitCode,
                    health,
                    Map.copyOf(ports),
                    Map.copyOf(ips),
                    "");
        }
    }

    private record Resource(String id, String name, Map<String, String> labels) {}

    /** How long a scripted gate waits for its event at most; see {@link Script#startAfter}. */
    public static final Duration GATE_LIMIT = Duration.ofSeconds(5);

    private final Object lock = new Object();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "in-memory-engine");
        t.setDaemon(true);
        return t;
    });
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Script> scripts = new HashMap<>();
    private final Map<String, ImageState> images = new HashMap<>();
    private final Map<String, Integer> pulls = new HashMap<>();
    private final Map<String, Integer> imageVersions = new HashMap<>();
    private final Map<String, Box> containers = new LinkedHashMap<>();
    private final Map<String, Resource> networks = new LinkedHashMap<>();
    private final Map<String, Resource> volumes = new LinkedHashMap<>();
    private final Map<String, String> removeFailures = new HashMap<>();
    private final Set<String> stuckNetworks = new HashSet<>();
    private final Map<Removed, Map<String, String>> danglingImages = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> imageLabels = new LinkedHashMap<>();
    private final Map<String, EngineException.BuildFailed> buildFailures = new HashMap<>();
    private final Map<Path, String> copiedOut = new LinkedHashMap<>();

    private int nextId = 1;
    private int nextHostPort = 32768;
    private int nextIp = 2;

    // ---- scripting

    /** The script of the container with this alias, created on first use. */
    public Script script(String alias) {
        synchronized (lock) {
            return scripts.computeIfAbsent(alias, a -> new Script());
        }
    }

    public InMemoryEngine image(String image, ImageState state) {
        synchronized (lock) {
            images.put(image, state);
        }
        return this;
    }

    /** Removing this network fails as Docker refuses a network its store counts a gone endpoint of. */
    public InMemoryEngine keepsAsStuck(String network) {
        synchronized (lock) {
            stuckNetworks.add(network);
        }
        return this;
    }

    /** Removing this network or volume fails with an {@link EngineException} of this message. */
    public InMemoryEngine failsToRemove(String resourceName, String message) {
        synchronized (lock) {
            removeFailures.put(resourceName, message);
        }
        return this;
    }

    /** A dangling image with these labels, that {@link #pruneDanglingImages} removes when asked for them. */
    public InMemoryEngine danglingImage(String id, long bytes, Map<String, String> labels) {
        synchronized (lock) {
            danglingImages.put(new Removed("image", id, bytes), Map.copyOf(labels));
        }
        return this;
    }

    /** Building the image tagged {@code tag} fails as the engine would, at {@code step}, after printing {@code lines}. */
    public InMemoryEngine failsToBuild(String tag, String step, String reason, List<String> lines) {
        synchronized (lock) {
            buildFailures.put(
                    tag,
                    new EngineException.BuildFailed(
                            "Could not build image '" + tag + "': " + reason, step, reason, lines, null));
        }
        return this;
    }

    /** The labels the image tagged {@code tag} was built with, or null when it was not built. */
    public Map<String, String> labelsOfImage(String tag) {
        synchronized (lock) {
            return imageLabels.get(tag);
        }
    }

    /** A container that exists before the test, e.g. a foreign one; returns its id. */
    public String givenContainer(String name, String image, Map<String, String> labels, Status status) {
        return givenContainer(name, image, labels, status, List.of(), List.of());
    }

    /** A container that exists before the test, with fixed host ports and networks; returns its id. */
    public String givenContainer(
            String name,
            String image,
            Map<String, String> labels,
            Status status,
            List<PortMapping> ports,
            List<String> networkNames) {
        return givenContainer(name, image, labels, status, ports, networkNames, List.of());
    }

    /** A container that exists before the test, with host ports, networks and {@code volume:/path} mounts. */
    public String givenContainer(
            String name,
            String image,
            Map<String, String> labels,
            Status status,
            List<PortMapping> ports,
            List<String> networkNames,
            List<String> binds) {
        synchronized (lock) {
            Map<String, List<String>> attached = new LinkedHashMap<>();
            networkNames.forEach(n -> attached.put(n, List.of()));
            ContainerCreate create = new ContainerCreate(
                    name, image, null, null, Map.of(), labels, ports, binds, attached, null, RunOptions.DEFAULTS);
            String alias = labels.getOrDefault(Labels.ALIAS, name);
            Box box = new Box(newId(), create, scripts.computeIfAbsent(alias, a -> new Script()));
            box.status = status;
            if (status.isRunning()) {
                publish(box);
            }
            containers.put(box.id, box);
            return box.id;
        }
    }

    public void givenNetwork(String name, Map<String, String> labels) {
        synchronized (lock) {
            networks.put(name, new Resource(newId(), name, Map.copyOf(labels)));
        }
    }

    public void givenVolume(String name, Map<String, String> labels) {
        synchronized (lock) {
            volumes.put(name, new Resource(name, name, Map.copyOf(labels)));
        }
    }

    /** Makes a running container exit now, as if its process ended. */
    public void exitNow(String alias, int code) {
        synchronized (lock) {
            Box box = byAlias(alias).orElseThrow();
            exit(box, code, box.generation);
        }
    }

    // ---- looking at the recording and the state

    public List<Event> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** The subjects of one operation's events in order, e.g. the aliases {@code startContainer} was called for. */
    public List<String> calls(String op) {
        return events().stream()
                .filter(e -> e.op().equals(op))
                .map(Event::subject)
                .toList();
    }

    /** The first event of {@code op} on {@code subject}; fails the test if there is none. */
    public Event first(String op, String subject) {
        return events().stream()
                .filter(e -> e.op().equals(op) && e.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event '" + op + " " + subject + "' in " + events()));
    }

    /** Whether {@code op} happened on {@code subject}. */
    public boolean happened(String op, String subject) {
        return events().stream().anyMatch(e -> e.op().equals(op) && e.subject().equals(subject));
    }

    /** How often the image was pulled. */
    public int pullCount(String image) {
        synchronized (lock) {
            return pulls.getOrDefault(image, 0);
        }
    }

    /** Every container that exists now. */
    public List<ContainerInfo> containers() {
        synchronized (lock) {
            return containers.values().stream().map(Box::info).toList();
        }
    }

    /** The container that exists now under this alias (or name). */
    public Optional<ContainerInfo> container(String alias) {
        synchronized (lock) {
            return byAlias(alias).map(Box::info);
        }
    }

    /** The id of the container with this alias (or name), also after it was removed. */
    public String idOf(String alias) {
        synchronized (lock) {
            return events.stream()
                    .filter(e -> e.op().equals("created") && e.subject().equals(alias))
                    .map(Event::detail)
                    .reduce((a, b) -> b)
                    .orElseGet(() -> byAlias(alias).map(b -> b.id).orElseThrow());
        }
    }

    /** What was asked of every container that exists, in the order they were created. */
    public List<ContainerCreate> created() {
        synchronized (lock) {
            return containers.values().stream().map(b -> b.create).toList();
        }
    }

    public List<ResourceInfo> networks() {
        return listNetworks(Map.of());
    }

    /** What {@code copyOut} wrote, by host path: the content the container held there. */
    public Map<Path, String> copiedOut() {
        synchronized (lock) {
            return Map.copyOf(copiedOut);
        }
    }

    public List<ResourceInfo> volumes() {
        return listVolumes(Map.of());
    }

    // ---- the port

    @Override
    public EngineInfo info() {
        return new EngineInfo("memory://test", "test", "127.0.0.1", "0-test");
    }

    @Override
    public boolean imageExists(String image) {
        synchronized (lock) {
            record("imageExists", image, "");
            return images.getOrDefault(image, ImageState.ABSENT) == ImageState.PRESENT;
        }
    }

    /** Makes the tag {@code image} name another image than before: one with a new id, as a rebuild or pull would. */
    public void newImageVersion(String image) {
        synchronized (lock) {
            imageVersions.merge(image, 1, Integer::sum);
        }
    }

    @Override
    public Optional<String> imageId(String image) {
        synchronized (lock) {
            return images.getOrDefault(image, ImageState.ABSENT) == ImageState.PRESENT
                    ? Optional.of("sha256:" + image + "@" + imageVersions.getOrDefault(image, 0))
                    : Optional.empty();
        }
    }

    @Override
    public void pull(String image, Platform platform, Consumer<PullProgress> progress) {
        synchronized (lock) {
            record("pull", image, platform == null ? "" : platform.toString());
            ImageState state = images.getOrDefault(image, ImageState.ABSENT);
            if (state == ImageState.ABSENT) {
                throw new EngineException.NotFound(
                        "pull access denied for " + image + ", repository does not exist or may require"
                                + " 'docker login'",
                        null);
            }
            pulls.merge(image, 1, Integer::sum);
            images.put(image, ImageState.PRESENT);
        }
        progress.accept(new PullProgress(image, 1, 1, 100, 100));
    }

    @Override
    public void load(Path archive) {
        synchronized (lock) {
            record("load", archive.getFileName().toString(), "");
        }
    }

    @Override
    public boolean removeImage(String image) {
        synchronized (lock) {
            record("removeImage", image, "");
            boolean used =
                    containers.values().stream().anyMatch(b -> b.create.image().equals(image));
            if (used || images.getOrDefault(image, ImageState.ABSENT) != ImageState.PRESENT) {
                return false;
            }
            images.put(image, ImageState.PULLABLE);
            return true;
        }
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        synchronized (lock) {
            record("createNetwork", name, "");
            if (networks.containsKey(name)) {
                throw new EngineException.Conflict("network with name " + name + " already exists", null);
            }
            Resource network = new Resource(newId(), name, Map.copyOf(labels));
            networks.put(name, network);
            return network.id();
        }
    }

    @Override
    public void removeNetwork(String idOrName) {
        synchronized (lock) {
            record("removeNetwork", idOrName, "");
            failIfScripted(idOrName);
            if (stuckNetworks.contains(idOrName)) {
                throw new EngineException.StuckNetwork(
                        "Could not remove network '" + idOrName + "': no container is attached; restart the engine",
                        null);
            }
            Resource network = networks.values().stream()
                    .filter(n -> n.id().equals(idOrName) || n.name().equals(idOrName))
                    .findFirst()
                    .orElse(null);
            if (network == null) {
                return;
            }
            boolean active = containers.values().stream()
                    .anyMatch(b -> b.status.isRunning() && b.create.networks().containsKey(network.name()));
            if (active) {
                throw new EngineException(
                        "error while removing network: network " + network.name() + " has active endpoints");
            }
            networks.remove(network.name());
        }
    }

    @Override
    public List<ResourceInfo> listNetworks(Map<String, String> labels) {
        synchronized (lock) {
            return networks.values().stream()
                    .filter(n -> carries(n.labels(), labels))
                    .map(n -> new ResourceInfo(n.id(), n.name(), n.labels(), attached(n.name())))
                    .toList();
        }
    }

    @Override
    public boolean createVolume(String name, Map<String, String> labels) {
        synchronized (lock) {
            record("createVolume", name, "");
            if (volumes.containsKey(name)) {
                return false;
            }
            volumes.put(name, new Resource(name, name, Map.copyOf(labels)));
            return true;
        }
    }

    @Override
    public void removeVolume(String name) {
        synchronized (lock) {
            record("removeVolume", name, "");
            failIfScripted(name);
            if (!volumes.containsKey(name)) {
                return;
            }
            if (mounted(name)) {
                throw new EngineException("remove " + name + ": volume is in use");
            }
            volumes.remove(name);
        }
    }

    @Override
    public List<ResourceInfo> listVolumes(Map<String, String> labels) {
        synchronized (lock) {
            return volumes.values().stream()
                    .filter(v -> carries(v.labels(), labels))
                    .map(v -> new ResourceInfo(v.id(), v.name(), v.labels(), mounted(v.name())))
                    .toList();
        }
    }

    @Override
    public String createContainer(ContainerCreate create) {
        synchronized (lock) {
            String alias = create.labels().getOrDefault(Labels.ALIAS, create.name());
            record("createContainer", alias, "");
            Script script = scripts.computeIfAbsent(alias, a -> new Script());
            if (script.createFailure != null) {
                throw new EngineException.Conflict(script.createFailure, null);
            }
            if (containers.values().stream().anyMatch(b -> b.name.equals(create.name()))) {
                throw new EngineException.NameInUse(
                        "Conflict. The container name \"/" + create.name() + "\" is already in use", null);
            }
            if (images.getOrDefault(create.image(), ImageState.ABSENT) != ImageState.PRESENT) {
                throw new EngineException.NotFound("No such image: " + create.image(), null);
            }
            for (String network : create.networks().keySet()) {
                if (!networks.containsKey(network)) {
                    throw new EngineException.NotFound("network " + network + " not found", null);
                }
            }
            for (String bind : create.binds()) {
                String source = bind.substring(0, bind.indexOf(':'));
                if (!source.startsWith("/") && !volumes.containsKey(source)) {
                    // Docker creates a missing named volume, without our labels.
                    volumes.put(source, new Resource(source, source, Map.of()));
                }
            }
            Box box = new Box(newId(), create, script);
            containers.put(box.id, box);
            record("created", alias, box.id);
            return box.id;
        }
    }

    @Override
    public void startContainer(String id) {
        Box box;
        synchronized (lock) {
            box = containers.get(id);
            record("startContainer", box == null ? id : box.alias, "");
            if (box == null) {
                throw new EngineException.NotFound("No such container: " + id, null);
            }
            if (box.script.startFailure != null) {
                throw new EngineException.Conflict(box.script.startFailure, null);
            }
            if (box.script.startError != null) {
                throw box.script.startError;
            }
            if (!box.create.networks().getOrDefault("bridge", List.of()).isEmpty()) {
                throw new EngineException(
                        "Could not start container " + Ids.shortId(id)
                                + ": network-scoped alias is supported only for containers in user defined networks",
                        null);
            }
        }
        awaitGates(box.script.startGates);
        synchronized (lock) {
            if (box.status.isRunning()) {
                return;
            }
            for (PortMapping port : box.create.ports()) {
                if (port.hostPort() != null && hostPortTaken(port.hostPort(), box)) {
                    String words = "driver failed programming external connectivity on endpoint " + box.name
                            + ": Bind for 0.0.0.0:" + port.hostPort() + " failed: port is already allocated";
                    throw new EngineException.PortInUse(
                            "Could not start container " + Ids.shortId(id) + ": " + words, words, null);
                }
            }
            publish(box);
            box.status = Status.RUNNING;
            box.generation++;
            box.output.clear();
            box.health = box.script.health.isEmpty() ? Health.NONE : Health.STARTING;
            record("running", box.alias, "");
            int generation = box.generation;
            for (Timed<String> line : box.script.lines) {
                at(line.afterMillis(), () -> print(box, line.value(), generation));
            }
            for (Timed<Health> health : box.script.health) {
                at(health.afterMillis(), () -> {
                    if (box.generation == generation && box.status.isRunning()) {
                        box.health = health.value();
                        record("health", box.alias, health.value().name());
                    }
                });
            }
            Timed<Integer> exit = box.script.exit;
            if (exit != null) {
                at(exit.afterMillis(), () -> exit(box, exit.value(), generation));
            }
        }
    }

    @Override
    public Optional<ContainerInfo> inspect(String id) {
        synchronized (lock) {
            Box box = containers.get(id);
            if (box == null) {
                box = containers.values().stream()
                        .filter(b -> b.name.equals(id))
                        .findFirst()
                        .orElse(null);
            }
            return Optional.ofNullable(box).map(Box::info);
        }
    }

    @Override
    public void stopContainer(String id, Duration grace) {
        Box box;
        synchronized (lock) {
            box = containers.get(id);
            record("stopContainer", box == null ? id : box.alias, grace.toMillis() + "ms");
        }
        if (box != null) {
            awaitGates(box.script.stopGates);
            synchronized (lock) {
                if (box.status.isRunning()) {
                    if (box.script.stopLine != null) {
                        print(box, box.script.stopLine, box.generation);
                    }
                    exit(box, 143, box.generation);
                }
            }
        }
        synchronized (lock) {
            record("stopContainer.done", box == null ? id : box.alias, "");
        }
    }

    @Override
    public void removeContainer(String id) {
        synchronized (lock) {
            Box box = containers.get(id);
            record("removeContainer", box == null ? id : box.alias, "");
            if (box == null) {
                return;
            }
            if (box.script.removeFailure != null) {
                throw new EngineException(box.script.removeFailure);
            }
            if (box.status.isRunning()) {
                record("killed", box.alias, "");
                exit(box, 137, box.generation);
            }
            containers.remove(id);
        }
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        synchronized (lock) {
            return containers.values().stream()
                    .filter(b -> carries(b.create.labels(), labels))
                    .map(Box::info)
                    .toList();
        }
    }

    @Override
    public Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd) {
        Box box;
        List<String> replay;
        Follower follower = new Follower(sink, onEnd);
        synchronized (lock) {
            box = containers.get(id);
            record("followLogs", box == null ? id : box.alias, "");
            if (box == null) {
                onEnd.run();
                throw new EngineException.NotFound("No such container: " + id, null);
            }
            replay = List.copyOf(box.output);
            boolean running = box.status.isRunning();
            if (running) {
                box.followers.add(follower);
            }
            replay.forEach(line -> sink.accept(new LogLine(LogLine.Stream.STDOUT, line)));
            if (!running) {
                onEnd.run();
                return () -> {};
            }
        }
        return () -> {
            boolean mine;
            synchronized (lock) {
                mine = box.followers.remove(follower);
            }
            if (mine) {
                onEnd.run();
            }
        };
    }

    /** {@inheritDoc} Answers as the container's script says; a container that does not run refuses. */
    @Override
    public int exec(String id, List<String> argv, Duration limit, Consumer<LogLine> output) {
        ExecAnswer answer;
        synchronized (lock) {
            Box box = existing(id);
            String command = String.join(" ", argv);
            record("exec", box.alias, command);
            if (!box.status.isRunning()) {
                throw new EngineException("container " + box.alias + " is not running");
            }
            answer = box.script.execAnswers.getOrDefault(command, new ExecAnswer(0, List.of(), null, false));
        }
        if (answer.failure() != null) {
            throw new EngineException(answer.failure());
        }
        answer.output().forEach(line -> output.accept(new LogLine(LogLine.Stream.STDOUT, line)));
        if (answer.hangs()) {
            throw new EngineException.TimedOut("'" + String.join(" ", argv) + "' had not ended after " + limit);
        }
        return answer.exitCode();
    }

    /** {@inheritDoc} The container then holds {@code target}, with the source's path as its content. */
    @Override
    public void copyIn(String id, Path source, String target) {
        synchronized (lock) {
            Box box = existing(id);
            record("copyIn", box.alias, source + " -> " + target);
            box.script.files.put(target, source.toString());
        }
    }

    /** {@inheritDoc} Kept in {@link #copiedOut()}, not written. */
    @Override
    public void copyOut(String id, String source, Path target) {
        synchronized (lock) {
            Box box = existing(id);
            record("copyOut", box.alias, source + " -> " + target);
            String content = box.script.files.get(source);
            if (content == null) {
                throw new EngineException.NotFound("Could not find the file " + source + " in container", null);
            }
            copiedOut.put(target, content);
        }
    }

    private Box existing(String id) {
        Box box = containers.get(id);
        if (box == null) {
            throw new EngineException.NotFound("No such container: " + id, null);
        }
        return box;
    }

    @Override
    public List<Removed> pruneDanglingImages(Map<String, String> labels) {
        synchronized (lock) {
            record("pruneDanglingImages", "", "");
            List<Removed> removed = danglingImages.entrySet().stream()
                    .filter(image -> carries(image.getValue(), labels))
                    .map(Map.Entry::getKey)
                    .toList();
            removed.forEach(danglingImages::remove);
            return removed;
        }
    }

    /**
     * Prints a step line and the Dockerfile's path, then tags the image present with its labels; or fails as {@link
     * #failsToBuild} scripted it, printing its lines.
     */
    @Override
    public String buildImage(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output) {
        EngineException.BuildFailed failure;
        synchronized (lock) {
            record("buildImage", tag, build.dockerfile());
            failure = buildFailures.get(tag);
        }
        if (failure != null) {
            failure.lastLines().forEach(output);
            throw failure;
        }
        output.accept("Step 1/1 : FROM " + build.context().resolve(build.dockerfile()));
        synchronized (lock) {
            images.put(tag, ImageState.PRESENT);
            imageLabels.put(tag, Map.copyOf(labels));
            return "sha256:" + newId();
        }
    }

    @Override
    public List<String> listImages(Map<String, String> labels) {
        synchronized (lock) {
            return imageLabels.entrySet().stream()
                    .filter(image -> images.get(image.getKey()) == ImageState.PRESENT)
                    .filter(image -> carries(image.getValue(), labels))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    // ---- inside

    private void print(Box box, String line, int generation) {
        if (box.generation != generation || !box.status.isRunning()) {
            return;
        }
        box.output.add(line);
        record("log", box.alias, line);
        LogLine logLine = new LogLine(LogLine.Stream.STDOUT, line);
        box.followers.forEach(f -> f.sink().accept(logLine));
    }

    private void exit(Box box, int code, int generation) {
        if (box.generation != generation || !box.status.isRunning()) {
            return;
        }
        box.status = Status.EXITED;
        box.exitCode = code;
        box.ports.clear();
        record("exit", box.alias, Integer.toString(code));
        List<Follower> ending = List.copyOf(box.followers);
        box.followers.clear();
        ending.forEach(f -> f.onEnd().run());
    }

    private void publish(Box box) {
        box.ports.clear();
        for (PortMapping port : box.create.ports()) {
            box.ports.put(port.key(), port.hostPort() != null ? port.hostPort() : nextHostPort++);
        }
    }

    private boolean hostPortTaken(int hostPort, Box except) {
        return containers.values().stream()
                .anyMatch(b -> b != except && b.status.isRunning() && b.ports.containsValue(hostPort));
    }

    private boolean attached(String network) {
        return containers.values().stream().anyMatch(b -> b.create.networks().containsKey(network));
    }

    private boolean mounted(String volume) {
        return containers.values().stream()
                .anyMatch(b -> b.create.binds().stream().anyMatch(bind -> bind.startsWith(volume + ":")));
    }

    private void failIfScripted(String resourceName) {
        String failure = removeFailures.get(resourceName);
        if (failure != null) {
            throw new EngineException(failure);
        }
    }

    private Optional<Box> byAlias(String alias) {
        return containers.values().stream()
                .filter(b -> b.alias.equals(alias) || b.name.equals(alias))
                .findFirst();
    }

    private void at(long afterMillis, Runnable happening) {
        Runnable locked = () -> {
            synchronized (lock) {
                happening.run();
            }
        };
        if (afterMillis <= 0) {
            locked.run();
        } else {
            timer.schedule(locked, afterMillis, TimeUnit.MILLISECONDS);
        }
    }

    private String newId() {
        // Distinct 12-character short ids, readable in messages: 010101010101..., 020202020202...
        return String.format("%02x", nextId++).repeat(32);
    }

    private void record(String op, String subject, String detail) {
        synchronized (lock) {
            events.add(new Event(events.size(), System.nanoTime(), op, subject, detail));
            lock.notifyAll();
        }
    }

    /** An event a scripted start or stop waits for. */
    private record Gate(String op, String subject) {}

    /** Waits until every gate's event happened, or {@link #GATE_LIMIT} passed. */
    private void awaitGates(List<Gate> gates) {
        long deadline = System.nanoTime() + GATE_LIMIT.toNanos();
        synchronized (lock) {
            for (Gate gate : gates) {
                while (events.stream()
                        .noneMatch(e -> e.op().equals(gate.op()) && e.subject().equals(gate.subject()))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    try {
                        lock.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static boolean carries(Map<String, String> labels, Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

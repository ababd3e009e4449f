package io.github.dockmaven.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.EngineInfo;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.PortMapping;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Engine} port on docker-java, for Docker and for Podman's Docker-compatible API.
 *
 * <p>Nothing here can hang when the engine stops answering. Request/response calls go through one client and each
 * has a deadline (the connection timeout plus the response timeout, 5 s + 60 s by default), enforced by a watchdog
 * because docker-java's Unix socket ignores socket read timeouts. Pulls and loads may run for long, so they are
 * bounded by inactivity instead: they fail when no progress arrives for the response timeout. Following logs uses a
 * second client without any response timeout, since a quiet container is not a dead engine. Both clients are created
 * on first use; {@link #close()} closes both.
 *
 * <p>Podman's Docker-compatible API differs in ways handled here: it names images that come from no registry {@code
 * localhost/<name>} (shown as {@code <name>}, as the POM says); it runs health checks only with systemd timers (so
 * inspecting a container runs a check that is due); it answers a request to follow output only with the first line;
 * it refuses a bare 64-digit image id; it joins several label filters of a volume list with OR (lists are filtered
 * again here); and it says "container state improper" (500) where Docker says "is not running" (409), and a name
 * conflict with 500 instead of 409.
 *
 * <p>Every failure is an {@link EngineException} whose message says what was attempted and what the engine said, e.g.
 * {@code Could not start container 3f2a1c9b04de: driver failed programming external connectivity ...: Bind for
 * 0.0.0.0:18080 failed: port is already allocated}, with the docker-java exception as its cause.
 */
public final class DockerJavaEngine implements Engine {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** How long following a container's output waits for the engine to take the request before going on. */
    static final Duration FOLLOW_ANSWER_WAIT = Duration.ofSeconds(1);

    private static final Pattern EXIT_CODE = Pattern.compile("^Exited \\((-?\\d+)\\)");
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EngineEndpoint endpoint;
    private final RegistryAuth registryAuth;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemonThreads());

    private DockerClient requests;
    private DockerClient streams;
    private boolean closed;
    private volatile String version;
    private volatile Boolean podman;
    private DockerHttpClient raw;

    /** An engine that pulls anonymously. */
    public DockerJavaEngine(EngineEndpoint endpoint) {
        this(endpoint, RegistryAuth.NONE);
    }

    /** An engine that asks {@code registryAuth} for the credentials of each pull. */
    public DockerJavaEngine(EngineEndpoint endpoint, RegistryAuth registryAuth) {
        this(endpoint, registryAuth, CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    /** With other timeouts, so tests need not wait a minute for a silent engine. */
    DockerJavaEngine(
            EngineEndpoint endpoint, RegistryAuth registryAuth, Duration connectTimeout, Duration responseTimeout) {
        this.endpoint = endpoint;
        this.registryAuth = registryAuth;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Prepares, on {@code executor} and once per JVM, what the engine client needs for its first requests, so that
     * this work overlaps looking for the engine instead of delaying the first container.
     */
    public static void warmUp(Executor executor) {
        ClientJson.warmUp(executor);
    }

    /** Where this engine is reached. */
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** {@inheritDoc} The version is {@code unknown} when the engine does not tell it; this method never fails. */
    @Override
    public EngineInfo info() {
        return new EngineInfo(endpoint.host(), endpoint.source(), endpoint.portHost(), version());
    }

    private String version() {
        String known = version;
        if (known == null) {
            Version answer;
            try {
                answer = request("Could not read the engine's version", c -> c.versionCmd()
                        .exec());
            } catch (EngineException unknown) {
                return "unknown";
            }
            podman = answer.getComponents() != null
                    && answer.getComponents().stream()
                            .anyMatch(component -> component.getName() != null
                                    && component.getName().startsWith("Podman"));
            known = answer.getVersion() == null ? "unknown" : answer.getVersion();
            version = (podman ? "Podman " : "") + known;
        }
        return version;
    }

    /** Whether the engine is Podman's Docker-compatible API, which differs in the ways handled here. */
    boolean isPodman() {
        version();
        return Boolean.TRUE.equals(podman);
    }

    @Override
    public boolean imageExists(String image) {
        // Podman's Docker API takes a bare 64-digit id for a repository name and refuses it; both take sha256:<id>
        String reference = FULL_ID.matcher(image).matches() ? "sha256:" + image : image;
        try {
            request("Could not inspect image '" + image + "'", c -> c.inspectImageCmd(reference)
                    .exec());
            return true;
        } catch (EngineException.NotFound absent) {
            return false;
        }
    }

    @Override
    public void pull(String image, Consumer<PullProgress> progress) {
        String attempt = "Could not pull image '" + image + "'";
        Optional<RegistryAuth.Credentials> credentials;
        try {
            credentials = registryAuth.forImage(image);
        } catch (RuntimeException e) {
            throw Failures.map(attempt, e);
        }
        PullTracker tracker = new PullTracker(image, progress, System::nanoTime);
        StreamCallback<PullResponseItem> callback = new StreamCallback<>() {
            @Override
            protected void handle(PullResponseItem item) {
                String error = errorOf(item);
                if (error != null) {
                    fail(Failures.pullException(image, error, credentials, null));
                    return;
                }
                ResponseItem.ProgressDetail detail = item.getProgressDetail();
                tracker.update(
                        item.getId(),
                        item.getStatus(),
                        detail == null ? null : detail.getCurrent(),
                        detail == null ? null : detail.getTotal());
            }
        };
        String[] reference = splitReference(image);
        try {
            PullImageCmd cmd = client(attempt, false).pullImageCmd(reference[0]).withTag(reference[1]);
            credentials.map(DockerJavaEngine::authConfig).ifPresent(cmd::withAuthConfig);
            cmd.exec(callback);
        } catch (RuntimeException e) {
            throw Failures.map(attempt, e, endpoint.host());
        }
        awaitStream(attempt, callback);
        Throwable failure = callback.failure();
        if (failure instanceof EngineException engine) {
            throw engine;
        }
        if (failure instanceof DockerException docker) {
            throw Failures.pullException(image, Failures.engineMessage(docker), credentials, failure);
        }
        if (failure != null) {
            throw Failures.map(attempt, failure, endpoint.host());
        }
        tracker.finish();
    }

    @Override
    public void load(Path archive) {
        String attempt = "Could not load images from " + archive;
        if (!Files.isRegularFile(archive)) {
            throw new EngineException(attempt + ": no such file");
        }
        StreamCallback<LoadResponseItem> callback = new StreamCallback<>() {
            @Override
            protected void handle(LoadResponseItem item) {
                String error = errorOf(item);
                if (error != null) {
                    fail(new EngineException(attempt + ": " + error));
                }
            }
        };
        try (InputStream in = new ActivityInputStream(Files.newInputStream(archive), callback)) {
            // the streaming client: a big archive is imported for longer than a response timeout allows;
            // awaitStream's inactivity limit keeps it from hanging instead
            client(attempt, true).loadImageAsyncCmd(in).exec(callback);
            awaitStream(attempt, callback);
        } catch (IOException e) {
            throw new EngineException(attempt + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw Failures.map(attempt, e, endpoint.host());
        }
        if (callback.failure() != null) {
            throw Failures.map(attempt, callback.failure(), endpoint.host());
        }
    }

    @Override
    public boolean removeImage(String image) {
        try {
            request(
                    "Could not remove image '" + image + "'",
                    c -> c.removeImageCmd(image).withForce(false).exec());
            return true;
        } catch (EngineException.NotFound | EngineException.Conflict absentOrInUse) {
            return false;
        }
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        return request("Could not create network '" + name + "'", c -> c.createNetworkCmd()
                .withName(name)
                .withDriver("bridge")
                .withLabels(copy(labels))
                .exec()
                .getId());
    }

    @Override
    public void removeNetwork(String idOrName) {
        try {
            request("Could not remove network '" + idOrName + "'", c -> c.removeNetworkCmd(idOrName)
                    .exec());
        } catch (EngineException.NotFound gone) {
            // already gone is what we wanted
        }
    }

    /**
     * {@inheritDoc} {@code inUse} means containers are attached; the list does not say so, so each network is
     * inspected (our networks are few).
     */
    @Override
    public List<ResourceInfo> listNetworks(Map<String, String> labels) {
        String attempt = "Could not list networks";
        List<Network> networks = request(attempt, c -> {
            var cmd = c.listNetworksCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", labelFilter(labels));
            }
            return cmd.exec();
        });
        List<ResourceInfo> result = new ArrayList<>();
        for (Network network : networks) {
            if (!carriesAll(network.getLabels(), labels)) {
                continue;
            }
            Network inspected;
            try {
                inspected = request("Could not inspect network '" + network.getName() + "'", c -> c.inspectNetworkCmd()
                        .withNetworkId(network.getId())
                        .exec());
            } catch (EngineException.NotFound vanished) {
                continue;
            }
            boolean inUse = inspected.getContainers() != null
                    && !inspected.getContainers().isEmpty();
            result.add(new ResourceInfo(network.getId(), network.getName(), copy(network.getLabels()), inUse));
        }
        return result;
    }

    @Override
    public boolean createVolume(String name, Map<String, String> labels) {
        try {
            request("Could not inspect volume '" + name + "'", c -> c.inspectVolumeCmd(name)
                    .exec());
            return false;
        } catch (EngineException.NotFound absent) {
            request("Could not create volume '" + name + "'", c -> c.createVolumeCmd()
                    .withName(name)
                    .withLabels(copy(labels))
                    .exec());
            return true;
        }
    }

    @Override
    public void removeVolume(String name) {
        try {
            request("Could not remove volume '" + name + "'", c -> c.removeVolumeCmd(name)
                    .exec());
        } catch (EngineException.NotFound gone) {
            // already gone is what we wanted
        }
    }

    /**
     * {@inheritDoc} {@code inUse} means a container (running or not) mounts the volume, found by listing containers
     * with the {@code volume} filter: one request per volume.
     */
    @Override
    public List<ResourceInfo> listVolumes(Map<String, String> labels) {
        List<InspectVolumeResponse> volumes = request("Could not list volumes", c -> {
            var cmd = c.listVolumesCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", labelFilter(labels));
            }
            List<InspectVolumeResponse> found = cmd.exec().getVolumes();
            return found == null ? List.<InspectVolumeResponse>of() : found;
        });
        List<ResourceInfo> result = new ArrayList<>();
        for (InspectVolumeResponse volume : volumes) {
            if (!carriesAll(volume.getLabels(), labels)) {
                continue;
            }
            boolean inUse = !request(
                            "Could not list the containers using volume '" + volume.getName() + "'",
                            c -> c.listContainersCmd()
                                    .withShowAll(true)
                                    .withVolumeFilter(List.of(volume.getName()))
                                    .exec())
                    .isEmpty();
            result.add(new ResourceInfo(volume.getName(), volume.getName(), copy(volume.getLabels()), inUse));
        }
        return result;
    }

    /**
     * {@inheritDoc} The first of {@code networks} becomes the network mode at creation, with its aliases; the others
     * are connected before this method returns. If connecting fails, the container is removed again.
     */
    @Override
    public String createContainer(ContainerCreate create) {
        String attempt = create.name() == null
                ? "Could not create a container from image '" + create.image() + "'"
                : "Could not create container '" + create.name() + "' from image '" + create.image() + "'";
        String id = request(attempt, c -> createCommand(c, create).exec().getId());
        if (create.networkMode() == null
                && create.networks() != null
                && create.networks().size() > 1) {
            Iterator<Map.Entry<String, List<String>>> rest =
                    create.networks().entrySet().iterator();
            rest.next();
            try {
                while (rest.hasNext()) {
                    Map.Entry<String, List<String>> network = rest.next();
                    List<String> aliases = network.getValue() == null ? List.of() : network.getValue();
                    request(
                            "Could not connect container " + Ids.shortId(id) + " to network '" + network.getKey() + "'",
                            c -> c.connectToNetworkCmd()
                                    .withNetworkId(network.getKey())
                                    .withContainerId(id)
                                    .withContainerNetwork(new ContainerNetwork().withAliases(aliases))
                                    .exec());
                }
            } catch (EngineException e) {
                try {
                    removeContainer(id);
                } catch (EngineException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
        return id;
    }

    private static CreateContainerCmd createCommand(DockerClient client, ContainerCreate create) {
        CreateContainerCmd cmd = client.createContainerCmd(create.image());
        if (create.name() != null) {
            cmd.withName(create.name());
        }
        if (create.command() != null) {
            cmd.withCmd(create.command());
        }
        if (create.entrypoint() != null) {
            cmd.withEntrypoint(create.entrypoint());
        }
        if (create.env() != null && !create.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            create.env().forEach((key, value) -> env.add(key + "=" + (value == null ? "" : value)));
            cmd.withEnv(env);
        }
        if (create.labels() != null && !create.labels().isEmpty()) {
            cmd.withLabels(copy(create.labels()));
        }
        HostConfig host = HostConfig.newHostConfig();
        if (create.ports() != null && !create.ports().isEmpty()) {
            Set<ExposedPort> exposed = new LinkedHashSet<>();
            Ports bindings = new Ports();
            for (PortMapping port : create.ports()) {
                ExposedPort containerPort = "udp".equalsIgnoreCase(port.protocol())
                        ? ExposedPort.udp(port.containerPort())
                        : ExposedPort.tcp(port.containerPort());
                exposed.add(containerPort);
                bindings.bind(
                        containerPort,
                        new Ports.Binding(
                                bareAddress(port.hostIp()),
                                port.hostPort() == null ? null : String.valueOf(port.hostPort())));
            }
            cmd.withExposedPorts(new ArrayList<>(exposed));
            host.withPortBindings(bindings);
        }
        if (create.binds() != null && !create.binds().isEmpty()) {
            List<Bind> binds = new ArrayList<>();
            for (String bind : create.binds()) {
                try {
                    binds.add(Bind.parse(bind));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "invalid volume '" + bind + "' (expected source:target, source:target:ro or"
                                    + " source:target:rw)",
                            e);
                }
            }
            host.withBinds(binds);
        }
        if (create.networkMode() != null) {
            host.withNetworkMode(create.networkMode());
        } else if (create.networks() != null && !create.networks().isEmpty()) {
            Map.Entry<String, List<String>> first =
                    create.networks().entrySet().iterator().next();
            host.withNetworkMode(first.getKey());
            if (first.getValue() != null && !first.getValue().isEmpty()) {
                cmd.withAliases(first.getValue());
            }
        }
        return cmd.withHostConfig(host);
    }

    /**
     * {@inheritDoc} A host port in use, whether by another container or another process, is an {@link
     * EngineException.Conflict}.
     */
    @Override
    public void startContainer(String id) {
        request("Could not start container " + Ids.shortId(id), c -> {
            try {
                c.startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyRunning) {
                // started already: what we wanted
            }
            return null;
        });
    }

    @Override
    public Optional<ContainerInfo> inspect(String id) {
        String attempt = "Could not inspect container " + Ids.shortId(id);
        try {
            InspectContainerResponse response =
                    request(attempt, c -> c.inspectContainerCmd(id).exec());
            if (isPodman() && PodmanHealth.checkDue(response, Instant.now())) {
                runPodmanHealthCheck(id);
                response = request(attempt, c -> c.inspectContainerCmd(id).exec());
            }
            return Optional.of(forEngine(fromInspection(response)));
        } catch (EngineException.NotFound gone) {
            return Optional.empty();
        }
    }

    /**
     * Runs a container's health check once, through Podman's own API. Podman schedules health checks with systemd
     * timers; where there is no systemd (containers, CI machines) they never run, and a container with a health check
     * would stay {@code starting} forever. So inspecting a Podman container runs the check when one is due.
     */
    private void runPodmanHealthCheck(String id) {
        String attempt = "Could not run the health check of container " + Ids.shortId(id);
        timed(attempt, connectTimeout.plus(responseTimeout), () -> {
            try (DockerHttpClient.Response response = rawClient(attempt)
                    .execute(DockerHttpClient.Request.builder()
                            .method(DockerHttpClient.Request.Method.GET)
                            .path("/v4.0.0/libpod/containers/" + id + "/healthcheck")
                            .build())) {
                int status = response.getStatusCode();
                // 409: the container is not running (any more); the inspection that follows tells
                if (status != 200 && status != 409) {
                    throw new EngineException(attempt + ": HTTP " + status);
                }
            }
            return null;
        });
    }

    /**
     * Podman names an image that came from no registry (loaded, built) {@code localhost/<name>} where Docker says
     * {@code <name>}, and resolves {@code <name>} to it: shown as the user wrote it, it matches their POM.
     */
    private ContainerInfo forEngine(ContainerInfo info) {
        if (info.image() == null || !info.image().startsWith("localhost/") || !isPodman()) {
            return info;
        }
        return new ContainerInfo(
                info.id(),
                info.name(),
                info.image().substring("localhost/".length()),
                info.labels(),
                info.status(),
                info.exitCode(),
                info.health(),
                info.ports(),
                info.ipAddresses(),
                info.error());
    }

    /**
     * {@inheritDoc} The engine takes whole seconds, so {@code grace} is rounded up; a grace of zero kills at once. An
     * already stopped or gone container is success.
     */
    @Override
    public void stopContainer(String id, Duration grace) {
        String attempt = "Could not stop container " + Ids.shortId(id);
        long seconds = grace.isNegative() ? 0 : (grace.toMillis() + 999) / 1000;
        if (seconds == 0) {
            request(attempt, c -> {
                try {
                    c.killContainerCmd(id).exec();
                } catch (NotFoundException gone) {
                    // gone is stopped
                } catch (ConflictException | InternalServerErrorException notRunning) {
                    if (!Failures.isNotRunning(notRunning)) {
                        throw notRunning;
                    }
                }
                return null;
            });
            return;
        }
        int timeout = (int) Math.min(seconds, Integer.MAX_VALUE / 2);
        // the engine answers only once the grace has passed: a long grace needs the client without response timeout
        boolean longGrace = Duration.ofSeconds(timeout).plusSeconds(5).compareTo(responseTimeout) >= 0;
        Duration limit = Duration.ofSeconds(timeout).plus(connectTimeout).plus(responseTimeout);
        timed(attempt, limit, () -> {
            try {
                client(attempt, longGrace)
                        .stopContainerCmd(id)
                        .withTimeout(timeout)
                        .exec();
            } catch (NotModifiedException | NotFoundException stoppedOrGone) {
                // already stopped, or gone: both are stopped
            } catch (ConflictException | InternalServerErrorException notRunning) {
                if (!Failures.isNotRunning(notRunning)) {
                    throw notRunning;
                }
            }
            return null;
        });
    }

    @Override
    public void removeContainer(String id) {
        request("Could not remove container " + Ids.shortId(id), c -> {
            try {
                c.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // already gone is what we wanted
            } catch (ConflictException conflict) {
                // a removal already under way, by us or the engine (auto-remove), ends the same way
                if (!Failures.engineMessage(conflict).contains("already in progress")) {
                    throw conflict;
                }
            }
            return null;
        });
    }

    /**
     * {@inheritDoc} The engine's list has less detail than an inspection: the health is read from the status text
     * ({@code Up 3 seconds (healthy)}), so it is {@link ContainerInfo.Health#NONE} for a container that is not
     * running, and always on Podman, whose status text does not tell; the error text is empty. An empty label map
     * lists every container.
     */
    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        List<Container> containers = request("Could not list containers", c -> {
            var cmd = c.listContainersCmd().withShowAll(true);
            if (!labels.isEmpty()) {
                cmd.withLabelFilter(labelFilter(labels));
            }
            return cmd.exec();
        });
        List<ContainerInfo> result = new ArrayList<>();
        for (Container container : containers) {
            if (carriesAll(container.getLabels(), labels)) {
                result.add(forEngine(fromListing(container)));
            }
        }
        return result;
    }

    /**
     * {@inheritDoc} Frames of the two streams are reassembled into whole lines per stream; a last line without
     * terminator is passed on when the output ends or the handle is closed, before {@code onEnd} runs. Fails at once,
     * with {@link EngineException.NotFound}, for a container that does not exist; {@code onEnd} has run then too.
     */
    @Override
    public Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd) {
        String attempt = "Could not follow the output of container " + Ids.shortId(id);
        LineAssembler lines = new LineAssembler(sink);
        StreamCallback<Frame> follower = new StreamCallback<>() {
            @Override
            protected void handle(Frame frame) {
                StreamType type = frame.getStreamType();
                if (type == StreamType.STDIN || frame.getPayload() == null) {
                    return;
                }
                // a container with a TTY has one RAW stream: it is its stdout
                lines.accept(
                        type == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, frame.getPayload());
            }

            @Override
            protected void ended() {
                try {
                    lines.flush();
                } finally {
                    onEnd.run();
                }
            }
        };
        try {
            // an unknown container fails here, instead of silently never producing a line
            request(attempt, c -> c.inspectContainerCmd(id).exec());
            client(attempt, true)
                    .logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withSince(0)
                    .exec(follower);
        } catch (RuntimeException e) {
            follower.close();
            throw Failures.map(attempt, e, endpoint.host());
        }
        try {
            // docker-java sends the request on its own thread; a refusal arrives at once. Podman sends no answer at
            // all before the container's first line of output, so a quiet container is no reason to wait longer.
            follower.awaitStartOrEnd(FOLLOW_ANSWER_WAIT);
        } catch (InterruptedException e) {
            follower.close();
            Thread.currentThread().interrupt();
            throw new EngineException(attempt + ": interrupted", e);
        }
        if (follower.failure() != null) {
            throw Failures.map(attempt, follower.failure(), endpoint.host());
        }
        return follower::close;
    }

    /** {@inheritDoc} Lists the dangling images first, then removes each; images in use or gone meanwhile are kept. */
    @Override
    public List<Removed> pruneDanglingImages() {
        List<Image> dangling = request(
                "Could not list dangling images",
                c -> c.listImagesCmd().withDanglingFilter(true).exec());
        List<Removed> removed = new ArrayList<>();
        for (Image image : dangling) {
            String shortId = Ids.shortId(image.getId());
            try {
                request(
                        "Could not remove image " + shortId,
                        c -> c.removeImageCmd(image.getId()).withNoPrune(false).exec());
                removed.add(new Removed("image", shortId, image.getSize() == null ? 0 : image.getSize()));
            } catch (EngineException.NotFound | EngineException.Conflict goneOrInUse) {
                // someone else removed it, or a container uses it: not ours to remove
            }
        }
        return removed;
    }

    /** Closes both clients; running calls fail. */
    @Override
    public void close() {
        DockerClient[] clients;
        synchronized (this) {
            closed = true;
            clients = new DockerClient[] {requests, streams};
            requests = null;
            streams = null;
        }
        calls.shutdownNow();
        DockerHttpClient rawClient;
        synchronized (this) {
            rawClient = raw;
            raw = null;
        }
        if (rawClient != null) {
            try {
                rawClient.close();
            } catch (IOException | RuntimeException ignored) {
                // a client that cannot close has nothing left to release
            }
        }
        for (DockerClient client : clients) {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException | RuntimeException ignored) {
                    // a client that cannot close has nothing left to release
                }
            }
        }
    }

    // ---- plumbing

    private <T> T request(String attempt, Function<DockerClient, T> action) {
        return timed(attempt, connectTimeout.plus(responseTimeout), () -> action.apply(client(attempt, false)));
    }

    private <T> T timed(String attempt, Duration limit, Callable<T> action) {
        Future<T> future;
        try {
            future = calls.submit(action);
        } catch (RejectedExecutionException e) {
            throw new EngineException(attempt + ": the connection to the engine is closed", e);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw Failures.map(attempt, e.getCause(), endpoint.host());
        } catch (TimeoutException e) {
            // interrupting the call closes its socket channel, which is what unblocks a read on a Unix socket
            future.cancel(true);
            throw new EngineException(attempt + ": the engine did not answer within " + seconds(limit) + "s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException(attempt + ": interrupted", e);
        }
    }

    /** Waits for a pull or load to end; fails when nothing happened on it for the response timeout. */
    private void awaitStream(String attempt, StreamCallback<?> callback) {
        try {
            while (!callback.awaitEnd(Duration.ofMillis(250))) {
                if (callback.idleFor().compareTo(connectTimeout.plus(responseTimeout)) > 0) {
                    callback.close();
                    throw new EngineException(attempt + ": no progress for "
                            + seconds(connectTimeout.plus(responseTimeout)) + "s; is the network or the engine down?");
                }
            }
        } catch (InterruptedException e) {
            callback.close();
            Thread.currentThread().interrupt();
            throw new EngineException(attempt + ": interrupted", e);
        }
    }

    private DockerClient client(String attempt, boolean streaming) {
        synchronized (this) {
            if (closed) {
                throw new EngineException(attempt + ": the connection to the engine is closed");
            }
            try {
                if (streaming) {
                    if (streams == null) {
                        streams = newClient(endpoint, connectTimeout, null);
                    }
                    return streams;
                }
                if (requests == null) {
                    requests = newClient(endpoint, connectTimeout, responseTimeout);
                }
                return requests;
            } catch (RuntimeException e) {
                throw new EngineException(
                        attempt + ": cannot set up a connection to " + endpoint.host() + ": " + Failures.describe(e),
                        e);
            }
        }
    }

    /** The plain HTTP client, for the few calls docker-java has no command for. */
    private synchronized DockerHttpClient rawClient(String attempt) {
        if (closed) {
            throw new EngineException(attempt + ": the connection to the engine is closed");
        }
        if (raw == null) {
            raw = httpClient(endpoint, connectTimeout, responseTimeout);
        }
        return raw;
    }

    /** A docker-java client for {@code endpoint}; a null {@code responseTimeout} waits for answers forever. */
    static DockerClient newClient(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        // built by hand, not from createDefaultConfigBuilder(): that one reads DOCKER_HOST, ~/.docker-java.properties
        // and system properties behind our back, and the locator has decided already
        DefaultDockerClientConfig.Builder config =
                new DefaultDockerClientConfig.Builder().withDockerHost(endpoint.host());
        if (endpoint.tlsCertDir() != null) {
            config.withCustomSslConfig(
                    new LocalDirectorySSLConfig(endpoint.tlsCertDir().toString()));
        }
        return DockerClientImpl.getInstance(
                ClientJson.sharing(config.build()), httpClient(endpoint, connectTimeout, responseTimeout));
    }

    /** The HTTP client under {@link #newClient}, also used alone to ping. */
    static DockerHttpClient httpClient(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint.host()))
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        if (endpoint.tlsCertDir() != null) {
            http.sslConfig(new LocalDirectorySSLConfig(endpoint.tlsCertDir().toString()));
        }
        return http.build();
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "dock-engine-call-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- mapping

    static ContainerInfo fromInspection(InspectContainerResponse response) {
        InspectContainerResponse.ContainerState state = response.getState();
        ContainerInfo.Health health = ContainerInfo.Health.NONE;
        if (state != null && state.getHealth() != null) {
            health = health(state.getHealth().getStatus());
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> ips = new LinkedHashMap<>();
        if (response.getNetworkSettings() != null) {
            Ports published = response.getNetworkSettings().getPorts();
            if (published != null) {
                published.getBindings().forEach((port, bindings) -> {
                    Integer hostPort = hostPort(bindings);
                    if (hostPort != null) {
                        ports.put(portKey(port), hostPort);
                    }
                });
            }
            ips.putAll(ipAddresses(response.getNetworkSettings().getNetworks()));
        }
        Long exitCode = state == null ? null : state.getExitCodeLong();
        return new ContainerInfo(
                response.getId(),
                stripSlash(response.getName()),
                response.getConfig() == null ? null : response.getConfig().getImage(),
                response.getConfig() == null
                        ? Map.of()
                        : copy(response.getConfig().getLabels()),
                status(state == null ? null : state.getStatus()),
                exitCode == null ? 0 : exitCode.intValue(),
                health,
                ports,
                ips,
                state == null || state.getError() == null ? "" : state.getError());
    }

    static ContainerInfo fromListing(Container container) {
        String statusText = container.getStatus() == null ? "" : container.getStatus();
        int exitCode = 0;
        Matcher exited = EXIT_CODE.matcher(statusText);
        if (exited.find()) {
            exitCode = Integer.parseInt(exited.group(1));
        }
        ContainerInfo.Health health = ContainerInfo.Health.NONE;
        if (statusText.contains("(healthy)")) {
            health = ContainerInfo.Health.HEALTHY;
        } else if (statusText.contains("(unhealthy)")) {
            health = ContainerInfo.Health.UNHEALTHY;
        } else if (statusText.contains("(health: starting)")) {
            health = ContainerInfo.Health.STARTING;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (container.getPorts() != null) {
            // IPv4 first: an IPv6 binding of the same port is a duplicate we do not want to win
            for (boolean ipv6 : new boolean[] {false, true}) {
                for (ContainerPort port : container.getPorts()) {
                    if (port.getPublicPort() != null && port.getPrivatePort() != null && isIpv6(port.getIp()) == ipv6) {
                        String type = port.getType() == null ? "tcp" : port.getType();
                        ports.putIfAbsent(port.getPrivatePort() + "/" + type, port.getPublicPort());
                    }
                }
            }
        }
        String name = container.getNames() == null || container.getNames().length == 0
                ? null
                : stripSlash(container.getNames()[0]);
        return new ContainerInfo(
                container.getId(),
                name,
                container.getImage(),
                copy(container.getLabels()),
                status(container.getState()),
                exitCode,
                health,
                ports,
                container.getNetworkSettings() == null
                        ? Map.of()
                        : ipAddresses(container.getNetworkSettings().getNetworks()),
                "");
    }

    static ContainerInfo.Status status(String state) {
        String value = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "created", "configured", "initialized" -> ContainerInfo.Status.CREATED;
            case "running", "stopping" -> ContainerInfo.Status.RUNNING;
            case "paused" -> ContainerInfo.Status.PAUSED;
            case "restarting" -> ContainerInfo.Status.RESTARTING;
            case "removing" -> ContainerInfo.Status.REMOVING;
            case "exited", "stopped" -> ContainerInfo.Status.EXITED;
            default -> ContainerInfo.Status.DEAD;
        };
    }

    private static ContainerInfo.Health health(String status) {
        String value = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "healthy" -> ContainerInfo.Health.HEALTHY;
            case "unhealthy" -> ContainerInfo.Health.UNHEALTHY;
            case "starting" -> ContainerInfo.Health.STARTING;
            default -> ContainerInfo.Health.NONE;
        };
    }

    private static Integer hostPort(Ports.Binding[] bindings) {
        if (bindings == null) {
            return null;
        }
        Integer fallback = null;
        for (Ports.Binding binding : bindings) {
            Integer port = parsePort(binding.getHostPortSpec());
            if (port == null) {
                continue;
            }
            if (!isIpv6(binding.getHostIp())) {
                return port;
            }
            if (fallback == null) {
                fallback = port;
            }
        }
        return fallback;
    }

    private static Integer parsePort(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(spec.trim());
        } catch (NumberFormatException range) {
            return null;
        }
    }

    private static boolean isIpv6(String ip) {
        return ip != null && ip.contains(":");
    }

    private static String portKey(ExposedPort port) {
        String protocol =
                port.getProtocol() == null ? "tcp" : port.getProtocol().name().toLowerCase(Locale.ROOT);
        return port.getPort() + "/" + protocol;
    }

    private static Map<String, String> ipAddresses(Map<String, ContainerNetwork> networks) {
        Map<String, String> ips = new LinkedHashMap<>();
        if (networks != null) {
            networks.forEach((name, network) -> {
                if (network != null
                        && network.getIpAddress() != null
                        && !network.getIpAddress().isEmpty()) {
                    ips.put(name, network.getIpAddress());
                }
            });
        }
        return ips;
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static String bareAddress(String hostIp) {
        if (hostIp == null || hostIp.isEmpty()) {
            return null;
        }
        return hostIp.startsWith("[") && hostIp.endsWith("]") ? hostIp.substring(1, hostIp.length() - 1) : hostIp;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    /**
     * Whether a resource carries every label asked for ({@code null} value: the key alone). The engine filters the
     * lists already, but Podman 4 joins several label filters of a volume list with OR: all our volumes would match
     * one build's filter, and a cleanup would remove another build's volumes. So every list is checked again here.
     */
    static boolean carriesAll(Map<String, String> actual, Map<String, String> wanted) {
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            String value = actual == null ? null : actual.get(label.getKey());
            if (value == null || (label.getValue() != null && !label.getValue().equals(value))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> labelFilter(Map<String, String> labels) {
        List<String> filter = new ArrayList<>();
        labels.forEach((key, value) -> filter.add(value == null ? key : key + "=" + value));
        return filter;
    }

    private static String errorOf(ResponseItem item) {
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            return item.getErrorDetail().getMessage().trim();
        }
        return item.getError() == null ? null : item.getError().trim();
    }

    /**
     * The repository and the tag (or digest) of an image reference. A reference without either means
     * {@code latest}: given no tag, the engine would pull every tag of the repository.
     */
    static String[] splitReference(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new String[] {image.substring(0, at), image.substring(at + 1)};
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon > slash) {
            return new String[] {image.substring(0, colon), image.substring(colon + 1)};
        }
        return new String[] {image, "latest"};
    }

    private static AuthConfig authConfig(RegistryAuth.Credentials credentials) {
        return new AuthConfig()
                .withRegistryAddress(credentials.serverAddress())
                .withUsername(credentials.username())
                .withPassword(credentials.password())
                .withIdentityToken(credentials.identityToken());
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    /** Counts reading the archive as activity, so a slow upload is not mistaken for a dead engine. */
    private static final class ActivityInputStream extends FilterInputStream {
        private final StreamCallback<?> callback;

        ActivityInputStream(InputStream in, StreamCallback<?> callback) {
            super(in);
            this.callback = callback;
        }

        @Override
        public int read() throws IOException {
            callback.touch();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            callback.touch();
            return super.read(b, off, len);
        }
    }
}

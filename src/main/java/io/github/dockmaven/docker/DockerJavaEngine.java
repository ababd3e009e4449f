package io.github.dockmaven.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.EngineInfo;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.Platform;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link Engine} port on docker-java, for Docker and for Podman's Docker-compatible API: a façade over one small
 * part per command family.
 *
 * <ul>
 *   <li>{@link EngineClients}: the clients and the deadline of every call, so nothing hangs when the engine stops
 *       answering (5 s to connect + 60 s to answer by default), and every call survives a connection the engine closed
 *       while restarting;
 *   <li>{@link Containers} with {@link CreateRequest}; {@link NetworksAndVolumes}; {@link Images}; {@link ImageBuilds};
 *       {@link LogFollower}; {@link Execs} (commands inside a container); {@link Archives} (files in and out through
 *       tar streams);
 *   <li>{@link Answers}: the engine's answers in the port's types, pure;
 *   <li>{@link EngineQuirks} with {@link PodmanHealth}: where Podman differs;
 *   <li>{@link Failures}: every failure is an {@link EngineException} whose message says what was attempted and what
 *       the engine said, e.g. {@code Could not start container 3f2a1c9b04de: driver failed programming external
 *       connectivity ...: Bind for 0.0.0.0:18080 failed: port is already allocated}, with the docker-java exception
 *       as its cause.
 * </ul>
 */
public final class DockerJavaEngine implements Engine {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final EngineEndpoint endpoint;
    private final EngineClients clients;
    private final EngineQuirks quirks;
    private final Images images;
    private final ImageBuilds builds;
    private final Containers containers;
    private final NetworksAndVolumes resources;
    private final LogFollower logs;
    private final Execs execs;
    private final Archives archives;

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
        this.clients = new EngineClients(endpoint, connectTimeout, responseTimeout);
        this.quirks = new EngineQuirks(clients);
        this.images = new Images(clients, registryAuth);
        this.builds = new ImageBuilds(clients, registryAuth);
        this.containers = new Containers(clients, quirks);
        this.resources = new NetworksAndVolumes(clients);
        this.logs = new LogFollower(clients);
        this.execs = new Execs(clients);
        this.archives = new Archives(clients);
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
        return new EngineInfo(
                endpoint.host(),
                endpoint.source(),
                endpoint.portHost(),
                quirks.version(),
                endpoint.containersRouted(System.getProperty("os.name", "")));
    }

    /** Whether the engine is Podman's Docker-compatible API. */
    boolean isPodman() {
        return quirks.isPodman();
    }

    @Override
    public boolean imageExists(String image) {
        return images.id(image).isPresent();
    }

    @Override
    public Optional<String> imageId(String image) {
        return images.id(image);
    }

    @Override
    public void pull(String image, Platform platform, Consumer<PullProgress> progress) {
        images.pull(image, platform, progress);
    }

    @Override
    public void load(Path archive) {
        images.load(archive);
    }

    @Override
    public boolean removeImage(String image) {
        return images.remove(image);
    }

    /** {@inheritDoc} Lists the dangling images first, then removes each; images in use or gone meanwhile are kept. */
    @Override
    public List<Removed> pruneDanglingImages(Map<String, String> labels) {
        return images.pruneDangling(labels);
    }

    @Override
    public String buildImage(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output) {
        return builds.build(build, tag, labels, output);
    }

    @Override
    public List<String> listImages(Map<String, String> labels) {
        return images.list(labels);
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        return resources.createNetwork(name, labels);
    }

    @Override
    public void removeNetwork(String idOrName) {
        resources.removeNetwork(idOrName);
    }

    /**
     * {@inheritDoc} {@code inUse} means containers are attached; the list does not say so, so each network is
     * inspected (our networks are few).
     */
    @Override
    public List<ResourceInfo> listNetworks(Map<String, String> labels) {
        return resources.listNetworks(labels);
    }

    @Override
    public boolean createVolume(String name, Map<String, String> labels) {
        return resources.createVolume(name, labels);
    }

    @Override
    public void removeVolume(String name) {
        resources.removeVolume(name);
    }

    /**
     * {@inheritDoc} {@code inUse} means a container (running or not) mounts the volume, found by listing containers
     * with the {@code volume} filter: one request per volume.
     */
    @Override
    public List<ResourceInfo> listVolumes(Map<String, String> labels) {
        return resources.listVolumes(labels);
    }

    /**
     * {@inheritDoc} The first of {@code networks} becomes the network mode at creation, with its aliases; the others
     * are connected before this method returns. If connecting fails, the container is removed again.
     */
    @Override
    public String createContainer(ContainerCreate create) {
        return containers.create(create);
    }

    /**
     * {@inheritDoc} A host port in use, whether by another container or another process, is an {@link
     * EngineException.PortInUse}.
     */
    @Override
    public void startContainer(String id) {
        containers.start(id);
    }

    /** {@inheritDoc} On Podman, a health check that is due runs first: without systemd, Podman never runs it. */
    @Override
    public Optional<ContainerInfo> inspect(String id) {
        return containers.inspect(id);
    }

    /**
     * {@inheritDoc} The engine takes whole seconds, so {@code grace} is rounded up; a grace of zero kills at once. An
     * already stopped or gone container is success.
     */
    @Override
    public void stopContainer(String id, Duration grace) {
        containers.stop(id, grace);
    }

    @Override
    public void removeContainer(String id) {
        containers.remove(id);
    }

    /**
     * {@inheritDoc} The engine's list has less detail than an inspection: the health is read from the status text
     * ({@code Up 3 seconds (healthy)}), so it is {@link ContainerInfo.Health#NONE} for a container that is not
     * running, and always on Podman, whose status text does not tell; the error text is empty. An empty label map
     * lists every container.
     */
    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        return containers.list(labels);
    }

    /**
     * {@inheritDoc} Frames of the two streams are reassembled into whole lines per stream; a last line without
     * terminator is passed on when the output ends or the handle is closed, before {@code onEnd} runs. Fails at once,
     * with {@link EngineException.NotFound}, for a container that does not exist; {@code onEnd} has run then too.
     */
    @Override
    public Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd) {
        return logs.follow(id, sink, onEnd);
    }

    /**
     * {@inheritDoc} Runs on the client without response timeout: a command may run for long. Docker reports a program
     * missing from the image as exit 126 or 127, with its words as output.
     */
    @Override
    public int exec(String id, List<String> argv, Duration limit, Consumer<LogLine> output) {
        return execs.run(id, argv, limit, output);
    }

    /** {@inheritDoc} The tar stream is built in memory, named as {@code target}, and unpacked by the engine at /. */
    @Override
    public void copyIn(String id, Path source, String target) {
        archives.copyIn(id, source, target);
    }

    /** {@inheritDoc} The engine's tar stream is unpacked as it arrives, its top entry renamed to {@code target}. */
    @Override
    public void copyOut(String id, String source, Path target) {
        archives.copyOut(id, source, target);
    }

    /** Closes every client; running calls fail. */
    @Override
    public void close() {
        clients.close();
    }

    /** A plain HTTP client for {@code endpoint}, used alone to ping ({@link EngineLocator}). */
    static DockerHttpClient httpClient(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        return EngineClients.httpClient(endpoint, connectTimeout, responseTimeout);
    }
}

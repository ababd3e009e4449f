package io.github.dockmaven.core;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which the core talks to a container engine. It speaks our own types only; the adapter in
 * {@code io.github.dockmaven.docker} maps them to an engine API.
 *
 * <p>Every method throws {@link EngineException} when the engine cannot do what was asked, and {@link
 * EngineException.NotFound} when the object is gone. Methods that remove or stop something treat "already gone" and
 * "already stopped" as success, so teardown can be repeated safely.
 */
public interface Engine extends Closeable {

    /** Where this engine was found and what it is, for logs and for {@code dock.<alias>.host}. */
    EngineInfo info();

    boolean imageExists(String image);

    /** The id of the image ({@code sha256:…}) that {@code image} names now, or empty when it is not there. */
    Optional<String> imageId(String image);

    /**
     * Pulls an image; {@code progress} receives human-readable progress reports.
     *
     * @param platform the platform of the image to pull, or null for the engine's own
     */
    void pull(String image, Platform platform, Consumer<PullProgress> progress);

    /** Loads images from a {@code docker save} tarball. */
    void load(Path archive);

    /** Removes an image; returns false if it was not there or is still used by a container. */
    boolean removeImage(String image);

    /**
     * Builds an image from a Dockerfile through the engine's API, tags it {@code tag} and gives it {@code labels};
     * {@code output} receives each whole line of the build's output. Returns the image's id. No intermediate
     * container is left behind, also when the build fails.
     *
     * @throws EngineException.BuildFailed when a step of the Dockerfile failed
     */
    String buildImage(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output);

    /** The images carrying all the given labels, each named by its first tag, or by its id when it has none. */
    List<String> listImages(Map<String, String> labels);

    /** Creates a bridge network and returns its id. */
    String createNetwork(String name, Map<String, String> labels);

    void removeNetwork(String idOrName);

    List<ResourceInfo> listNetworks(Map<String, String> labels);

    /** Creates a named volume unless one of that name exists; returns true when it was created by this call. */
    boolean createVolume(String name, Map<String, String> labels);

    void removeVolume(String name);

    List<ResourceInfo> listVolumes(Map<String, String> labels);

    /** Creates a container and returns its id. */
    String createContainer(ContainerCreate create);

    void startContainer(String id);

    /** The container's current state, or empty when it no longer exists. */
    Optional<ContainerInfo> inspect(String id);

    /** Sends SIGTERM, then SIGKILL after {@code grace}; an already stopped or gone container is fine. */
    void stopContainer(String id, Duration grace);

    /** Removes a container, killing it first if it runs; a gone container is fine. */
    void removeContainer(String id);

    /** Every container (running or not) carrying all the given labels. */
    List<ContainerInfo> listContainers(Map<String, String> labels);

    /**
     * Follows a container's output from its start, calling {@code sink} once per whole line, until the container
     * stops or the returned handle is closed; then calls {@code onEnd} exactly once (also when following failed).
     */
    Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd);

    /**
     * Runs {@code argv} inside the running container, without a shell, calling {@code output} once per whole line of
     * its output, and returns its exit code once it ended. A program that is not in the image, or cannot be run, ends
     * with 126 or 127 (and the engine's words as output), or fails with an {@link EngineException}, by engine. One that
     * has not ended within {@code limit} fails with {@link EngineException.TimedOut}, and is left running.
     */
    int exec(String id, List<String> argv, Duration limit, Consumer<LogLine> output);

    /**
     * Copies the host file or folder {@code source} into the container (created, running or stopped) so that it gets
     * the container path {@code target}; missing parent folders are created.
     */
    void copyIn(String id, Path source, String target);

    /**
     * Copies the container's file or folder {@code source} to the host path {@code target}, replacing what is there;
     * missing parent folders are created. Throws {@link EngineException.NotFound} when {@code source} does not exist.
     */
    void copyOut(String id, String source, Path target);

    /** Removes the dangling images carrying all the given labels and returns what was removed. */
    List<Removed> pruneDanglingImages(Map<String, String> labels);

    /** A resource removed by a prune, with the disk space it freed (0 if unknown). */
    record Removed(String kind, String name, long bytes) {}

    /** A network or volume. */
    record ResourceInfo(String id, String name, Map<String, String> labels, boolean inUse) {}

    /** A progress report of a pull. */
    record PullProgress(String image, int layersDone, int layersTotal, long bytesDone, long bytesTotal) {}
}

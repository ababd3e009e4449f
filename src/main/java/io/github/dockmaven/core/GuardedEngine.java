package io.github.dockmaven.core;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An engine that stops creating resources once told that Maven is exiting, so that a {@code run} still in progress
 * on another thread cannot add a container after the shutdown cleanup listed what to remove. A creation already under
 * way when the gate closes is undone as soon as the engine answers: the caller gets an {@link EngineException}, never
 * a container that nobody will remove.
 */
public final class GuardedEngine implements Engine {

    private final Engine delegate;
    private volatile boolean refusing;

    public GuardedEngine(Engine delegate) {
        this.delegate = delegate;
    }

    /** From now on, every call that would create or start something fails. */
    public void refuseNewResources() {
        refusing = true;
    }

    public boolean isRefusing() {
        return refusing;
    }

    private void checkOpen(String what) {
        checkOpen("creating", what);
    }

    /** A creation that raced the gate closing is undone at once, and the caller told that Maven is exiting. */
    private void undoIfClosed(String what, Runnable undo) {
        if (refusing) {
            try {
                undo.run();
            } catch (EngineException ignored) {
                // the shutdown cleanup lists by label after closing the gate, and finds it
            }
            checkOpen(what);
        }
    }

    private void checkOpen(String verb, String what) {
        if (refusing) {
            throw new EngineException("Not " + verb + " " + what + ": Maven is exiting");
        }
    }

    @Override
    public EngineInfo info() {
        return delegate.info();
    }

    @Override
    public boolean imageExists(String image) {
        return delegate.imageExists(image);
    }

    @Override
    public Optional<String> imageId(String image) {
        return delegate.imageId(image);
    }

    @Override
    public void pull(String image, Platform platform, Consumer<PullProgress> progress) {
        checkOpen("image " + image);
        delegate.pull(image, platform, progress);
    }

    @Override
    public void load(Path archive) {
        checkOpen("images from " + archive);
        delegate.load(archive);
    }

    @Override
    public boolean removeImage(String image) {
        return delegate.removeImage(image);
    }

    @Override
    public String createNetwork(String name, Map<String, String> labels) {
        checkOpen("network " + name);
        String id = delegate.createNetwork(name, labels);
        undoIfClosed("network " + name, () -> delegate.removeNetwork(name));
        return id;
    }

    @Override
    public void removeNetwork(String idOrName) {
        delegate.removeNetwork(idOrName);
    }

    @Override
    public List<ResourceInfo> listNetworks(Map<String, String> labels) {
        return delegate.listNetworks(labels);
    }

    @Override
    public boolean createVolume(String name, Map<String, String> labels) {
        checkOpen("volume " + name);
        boolean created = delegate.createVolume(name, labels);
        undoIfClosed("volume " + name, created ? () -> delegate.removeVolume(name) : () -> {});
        return created;
    }

    @Override
    public void removeVolume(String name) {
        delegate.removeVolume(name);
    }

    @Override
    public List<ResourceInfo> listVolumes(Map<String, String> labels) {
        return delegate.listVolumes(labels);
    }

    @Override
    public String createContainer(ContainerCreate create) {
        String what = "container " + (create.name() == null ? "from " + create.image() : create.name());
        checkOpen(what);
        String id = delegate.createContainer(create);
        undoIfClosed(what, () -> delegate.removeContainer(id));
        return id;
    }

    @Override
    public void startContainer(String id) {
        checkOpen("starting", "container " + Ids.shortId(id));
        delegate.startContainer(id);
    }

    @Override
    public Optional<ContainerInfo> inspect(String id) {
        return delegate.inspect(id);
    }

    @Override
    public void stopContainer(String id, Duration grace) {
        delegate.stopContainer(id, grace);
    }

    @Override
    public void removeContainer(String id) {
        delegate.removeContainer(id);
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        return delegate.listContainers(labels);
    }

    @Override
    public Closeable followLogs(String id, Consumer<LogLine> sink, Runnable onEnd) {
        return delegate.followLogs(id, sink, onEnd);
    }

    @Override
    public int exec(String id, List<String> argv, Duration limit, Consumer<LogLine> output) {
        checkOpen("running", "a command in container " + Ids.shortId(id));
        return delegate.exec(id, argv, limit, output);
    }

    @Override
    public void copyIn(String id, Path source, String target) {
        checkOpen("copying", source + " into container " + Ids.shortId(id));
        delegate.copyIn(id, source, target);
    }

    @Override
    public void copyOut(String id, String source, Path target) {
        delegate.copyOut(id, source, target);
    }

    @Override
    public List<Removed> pruneDanglingImages(Map<String, String> labels) {
        return delegate.pruneDanglingImages(labels);
    }

    @Override
    public String buildImage(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output) {
        checkOpen("building", "image " + tag);
        return delegate.buildImage(build, tag, labels, output);
    }

    @Override
    public List<String> listImages(Map<String, String> labels) {
        return delegate.listImages(labels);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}

package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.github.dockmaven.core.Engine.PullProgress;
import io.github.dockmaven.core.Engine.Removed;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.Platform;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Images: whether one is there, pulling, loading from an archive, removing, pruning the dangling ones. */
final class Images {

    private final EngineClients clients;
    private final RegistryAuth registryAuth;

    Images(EngineClients clients, RegistryAuth registryAuth) {
        this.clients = clients;
        this.registryAuth = registryAuth;
    }

    /** The id of the image {@code image} names, or empty when it is not there. */
    Optional<String> id(String image) {
        String reference = EngineQuirks.imageReference(image);
        try {
            return Optional.of(clients.request(
                    "Could not inspect image '" + image + "'",
                    c -> c.inspectImageCmd(reference).exec().getId()));
        } catch (EngineException.NotFound absent) {
            return Optional.empty();
        }
    }

    /**
     * Pulls {@code image} with the credentials {@link RegistryAuth} gives for it. A failure names the registry, the
     * kind of failure and the fix ({@link Failures#pullFailure}).
     *
     * @param platform the platform to pull the image for, or null for the engine's own
     */
    void pull(String image, Platform platform, Consumer<PullProgress> progress) {
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
                String error = Answers.errorOf(item);
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
            PullImageCmd cmd =
                    clients.client(attempt, false).pullImageCmd(reference[0]).withTag(reference[1]);
            credentials.map(Images::authConfig).ifPresent(cmd::withAuthConfig);
            if (platform != null) {
                cmd.withPlatform(platform.toString());
            }
            cmd.exec(callback);
        } catch (RuntimeException e) {
            throw clients.failure(attempt, e);
        }
        clients.awaitStream(attempt, callback);
        Throwable failure = callback.failure();
        if (failure instanceof EngineException engine) {
            throw engine;
        }
        if (failure instanceof DockerException docker) {
            throw Failures.pullException(image, Failures.engineMessage(docker), credentials, failure);
        }
        if (failure != null) {
            throw clients.failure(attempt, failure);
        }
        tracker.finish();
    }

    void load(Path archive) {
        String attempt = "Could not load images from " + archive;
        if (!Files.isRegularFile(archive)) {
            throw new EngineException(attempt + ": no such file");
        }
        StreamCallback<LoadResponseItem> callback = new StreamCallback<>() {
            @Override
            protected void handle(LoadResponseItem item) {
                String error = Answers.errorOf(item);
                if (error != null) {
                    fail(new EngineException(attempt + ": " + error));
                }
            }
        };
        try (InputStream in = new ActivityInputStream(Files.newInputStream(archive), callback)) {
            // the streaming client: a big archive is imported for longer than a response timeout allows;
            // awaitStream's inactivity limit keeps it from hanging instead
            clients.client(attempt, true).loadImageAsyncCmd(in).exec(callback);
            clients.awaitStream(attempt, callback);
        } catch (IOException e) {
            throw new EngineException(attempt + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw clients.failure(attempt, e);
        }
        if (callback.failure() != null) {
            throw clients.failure(attempt, callback.failure());
        }
    }

    /** Removes {@code image}; false when it is gone already or a container uses it. */
    boolean remove(String image) {
        try {
            clients.request(
                    "Could not remove image '" + image + "'",
                    c -> c.removeImageCmd(image).withForce(false).exec());
            return true;
        } catch (EngineException.NotFound | EngineException.Conflict absentOrInUse) {
            return false;
        }
    }

    /**
     * Lists the dangling images carrying {@code labels} first, then removes each; images in use or gone meanwhile are
     * kept.
     */
    List<Removed> pruneDangling(Map<String, String> labels) {
        List<Image> dangling = labelled("Could not list dangling images", labels, true);
        List<Removed> removed = new ArrayList<>();
        for (Image image : dangling) {
            String shortId = Ids.shortId(image.getId());
            try {
                clients.request(
                        "Could not remove image " + shortId,
                        c -> c.removeImageCmd(image.getId()).withNoPrune(false).exec());
                removed.add(new Removed("image", shortId, image.getSize() == null ? 0 : image.getSize()));
            } catch (EngineException.NotFound | EngineException.Conflict goneOrInUse) {
                // someone else removed it, or a container uses it: not ours to remove
            }
        }
        return removed;
    }

    /** The images carrying {@code labels}, each by its first tag, or by its id when it has none. */
    List<String> list(Map<String, String> labels) {
        return labelled("Could not list images", labels, false).stream()
                .map(Images::reference)
                .toList();
    }

    /**
     * The images carrying every one of {@code labels}. The engine filters by the first of them, this by all: Podman 4.3
     * answers an image list filtered by two labels with no image at all.
     */
    private List<Image> labelled(String failure, Map<String, String> labels, boolean danglingOnly) {
        List<String> first = Answers.labelFilter(labels).stream().limit(1).toList();
        List<Image> images = clients.request(failure, c -> {
            var list = c.listImagesCmd().withFilter("label", first);
            return danglingOnly ? list.withDanglingFilter(true).exec() : list.exec();
        });
        return images.stream()
                .filter(image -> Answers.carriesAll(image.getLabels(), labels))
                .toList();
    }

    private static String reference(Image image) {
        String[] tags = image.getRepoTags();
        return tags != null && tags.length > 0 && !tags[0].startsWith("<none>") ? familiar(tags[0]) : image.getId();
    }

    /** A tag as Docker shows it: Podman lists {@code dock/app:latest} as {@code docker.io/dock/app:latest}. */
    static String familiar(String tag) {
        if (tag.startsWith("docker.io/library/")) {
            return tag.substring("docker.io/library/".length());
        }
        return tag.startsWith("docker.io/") ? tag.substring("docker.io/".length()) : tag;
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

    static AuthConfig authConfig(RegistryAuth.Credentials credentials) {
        return new AuthConfig()
                .withRegistryAddress(credentials.serverAddress())
                .withUsername(credentials.username())
                .withPassword(credentials.password())
                .withIdentityToken(credentials.identityToken());
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

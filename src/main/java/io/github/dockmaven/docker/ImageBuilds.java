package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Builds images from a Dockerfile through the engine's build API (no CLI). The context is sent as docker-java packs
 * it from the folder, which leaves out what its {@code .dockerignore} lists. Intermediate containers are removed also
 * when a step fails ({@code forcerm}).
 */
final class ImageBuilds {

    /**
     * How long a build may print nothing before it counts as stuck: a step may compile or download for minutes without
     * a line of output, so this is far longer than a request's deadline.
     */
    static final Duration SILENCE_LIMIT = Duration.ofMinutes(30);

    private final EngineClients clients;
    private final RegistryAuth registryAuth;

    ImageBuilds(EngineClients clients, RegistryAuth registryAuth) {
        this.clients = clients;
        this.registryAuth = registryAuth;
    }

    String build(ImageBuild build, String tag, Map<String, String> labels, Consumer<String> output) {
        String attempt = "Could not build image '" + tag + "'";
        AuthConfigurations baseImageCredentials = credentialsForBaseImages(build, attempt);
        BuildTranscript transcript = new BuildTranscript(output);
        LineAssembler lines = new LineAssembler(transcript);
        AtomicReference<String> error = new AtomicReference<>();
        StreamCallback<BuildResponseItem> callback = new StreamCallback<>() {
            @Override
            protected void handle(BuildResponseItem item) {
                if (item.getStream() != null) {
                    lines.accept(LogLine.Stream.STDOUT, item.getStream().getBytes(StandardCharsets.UTF_8));
                }
                String reported = Answers.errorOf(item);
                if (reported != null) {
                    error.compareAndSet(null, reported);
                }
            }

            @Override
            protected void ended() {
                lines.flush();
            }
        };
        try {
            // the streaming client: a build runs far longer than a request's deadline
            BuildImageCmd cmd = command(clients.client(attempt, true).buildImageCmd(), build, tag, labels);
            if (!baseImageCredentials.getConfigs().isEmpty()) {
                cmd.withBuildAuthConfigs(baseImageCredentials);
            }
            cmd.exec(callback);
        } catch (RuntimeException e) {
            throw clients.failure(attempt, e);
        }
        clients.awaitStream(attempt, callback, SILENCE_LIMIT);
        if (callback.failure() instanceof DockerException docker) {
            error.compareAndSet(null, Failures.engineMessage(docker));
        } else if (callback.failure() != null) {
            throw clients.failure(attempt, callback.failure());
        }
        if (error.get() != null) {
            removeStepImages(transcript.createdImages());
            throw new EngineException.BuildFailed(
                    attempt + ": " + error.get(),
                    transcript.step(),
                    error.get(),
                    transcript.lastLines(),
                    callback.failure());
        }
        return clients.request(attempt, c -> c.inspectImageCmd(tag).exec().getId());
    }

    /**
     * Removes the images the steps of a failed build created, newest first, each alone: they carry none of our labels,
     * so nothing else would ever find them. An image another build has since built on, or one a container uses, stays
     * (the engine refuses), as do the images of steps taken from the cache, which this build did not create. Removing is
     * a courtesy here: a failure to remove must not hide why the build failed.
     */
    private void removeStepImages(List<String> created) {
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        for (String image : newestFirst) {
            try {
                clients.request(
                        "Could not remove image " + image + " of the failed build",
                        c -> c.removeImageCmd(image).withNoPrune(true).exec());
            } catch (EngineException notRemoved) {
                // in use, built on, or gone: the build's failure is what the user needs to hear
            }
        }
    }

    /**
     * The credentials for the registries of the Dockerfile's base images, found where a pull finds them: the engine
     * pulls those during the build, and sends no credentials of its own.
     */
    private AuthConfigurations credentialsForBaseImages(ImageBuild build, String attempt) {
        AuthConfigurations configurations = new AuthConfigurations();
        List<String> lines;
        try {
            lines = Files.readAllLines(build.context().resolve(build.dockerfile()));
        } catch (IOException | UncheckedIOException unreadable) {
            return configurations; // the engine reports a Dockerfile it cannot read, in its words
        }
        try {
            for (String image : DockerfileBaseImages.of(lines, build.args())) {
                registryAuth.forImage(image).map(Images::authConfig).ifPresent(configurations::addConfig);
            }
        } catch (RuntimeException e) {
            throw Failures.map(attempt, e);
        }
        return configurations;
    }

    private static BuildImageCmd command(BuildImageCmd cmd, ImageBuild build, String tag, Map<String, String> labels) {
        cmd.withBaseDirectory(build.context().toFile())
                .withDockerfile(build.context().resolve(build.dockerfile()).toFile())
                .withTags(Set.of(tag))
                .withLabels(labels)
                .withPull(build.pull())
                .withNoCache(build.noCache())
                .withRemove(true)
                .withForcerm(true);
        if (build.target() != null) {
            cmd.withTarget(build.target());
        }
        build.args().forEach(cmd::withBuildArg);
        return cmd;
    }
}

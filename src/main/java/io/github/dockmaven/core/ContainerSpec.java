package io.github.dockmaven.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One container as the user configured it, validated.
 *
 * @param alias the unique alias
 * @param image the image reference
 * @param name a fixed container name, or null for a unique generated one
 * @param pullPolicy when to pull the image
 * @param archive a {@code docker save} tarball to load the image from when it is missing, or null
 * @param command the command, or null for the image's default
 * @param entrypoint the entrypoint, or null for the image's default
 * @param env environment variables
 * @param labels the user's labels
 * @param ports published ports
 * @param volumes named volumes and bind mounts
 * @param dependsOn aliases that must be ready before this one starts
 * @param networks networks to join; empty means the build's own network only; {@link #BUILD_NETWORK} among others
 *     means the build's own network besides those existing ones; {@code host} or {@code none} alone set the network
 *     mode
 * @param readiness the readiness conditions (the {@code <wait>} element)
 * @param stopMode how to stop it
 * @param stopTimeout the grace period between SIGTERM and SIGKILL
 * @param options how it runs: resources, privileges, hosts, platform, health check ({@code docker run}'s options)
 * @param build how the image is built before it runs, or null when it is pulled or present; {@code image} is then
 *     the tag the built image gets
 * @param postStart commands run inside the container, in order, once its wait holds; it is ready when all exited 0
 * @param preStop commands run inside the container before a graceful stop; a failure is a warning
 * @param copyIn host files or folders copied into the container after it is created, before it starts
 * @param copyOut container paths copied to the host after a graceful stop, before the container is removed
 * @param reuse whether it is kept after the build and used again by the next build whose configuration of it is the
 *     same (see {@code start.ReuseCheck}); true only where the machine enabled reuse as well
 */
public record ContainerSpec(
        String alias,
        String image,
        String name,
        PullPolicy pullPolicy,
        Path archive,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        Map<String, String> labels,
        List<PortMapping> ports,
        List<VolumeMount> volumes,
        List<String> dependsOn,
        List<String> networks,
        WaitSpec readiness,
        StopMode stopMode,
        Duration stopTimeout,
        RunOptions options,
        ImageBuild build,
        List<Exec> postStart,
        List<Exec> preStop,
        List<CopyEntry> copyIn,
        List<CopyEntry> copyOut,
        boolean reuse) {

    /** The grace period between SIGTERM and SIGKILL when none is given: test containers are disposable. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Stands for the build's own network in {@link #networks()} when the container also joins existing networks
     * (a compose service on its project's network and on an {@code external} one). Not a valid network name, so it
     * cannot name a real one.
     */
    public static final String BUILD_NETWORK = "<build network>";

    /** When to pull an image. */
    public enum PullPolicy {
        MISSING,
        ALWAYS,
        NEVER
    }

    /** How to stop a container. */
    public enum StopMode {
        STOP,
        KILL
    }

    /** Whether its image is built from a Dockerfile rather than pulled. */
    public boolean isBuilt() {
        return build != null;
    }

    /** This container, never reused: the machine did not enable reuse. */
    public ContainerSpec withoutReuse() {
        return new ContainerSpec(
                alias,
                image,
                name,
                pullPolicy,
                archive,
                command,
                entrypoint,
                env,
                labels,
                ports,
                volumes,
                dependsOn,
                networks,
                readiness,
                stopMode,
                stopTimeout,
                options,
                build,
                postStart,
                preStop,
                copyIn,
                copyOut,
                false);
    }

    /** Whether this container joins the build's own network. */
    public boolean usesBuildNetwork() {
        return networks.isEmpty() || networks.contains(BUILD_NETWORK);
    }

    /** A short description for messages: {@code 'db' (postgres:16)}. */
    public String describe() {
        return "'" + alias + "' (" + image + ")";
    }
}

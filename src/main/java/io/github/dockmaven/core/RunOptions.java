package io.github.dockmaven.core;

import java.util.List;

/**
 * How a container runs, beyond its image, command and environment: the options of {@code docker run} that a test
 * container may need. Each is null, false or empty when not given, and then the engine's default applies.
 *
 * @param tmpfs tmpfs mounts
 * @param memory the memory limit
 * @param memorySwap the limit of memory and swap together
 * @param shmSize the size of {@code /dev/shm}
 * @param cpus the CPUs it may use
 * @param ulimits resource limits
 * @param privileged whether it runs privileged
 * @param init whether the engine's init runs as PID 1
 * @param readOnly whether its root file system is read-only
 * @param capAdd Linux capabilities to add, without the {@code CAP_} prefix
 * @param capDrop Linux capabilities to drop, without the {@code CAP_} prefix
 * @param extraHosts lines added to {@code /etc/hosts}
 * @param platform the platform of the image to pull and run
 * @param hostname the host name inside the container
 * @param user the user (and group) the command runs as, {@code name|uid[:group|gid]}
 * @param workingDir the working directory of the command, absolute
 * @param networkAliases more DNS names on the networks it joins under its alias
 * @param healthcheck a health check replacing the image's
 * @param stopSignal the signal that stops it gracefully ({@code SIGINT}, {@code 15}), or null for the image's
 */
public record RunOptions(
        List<TmpfsMount> tmpfs,
        ByteSize memory,
        ByteSize memorySwap,
        ByteSize shmSize,
        Cpus cpus,
        List<Ulimit> ulimits,
        boolean privileged,
        boolean init,
        boolean readOnly,
        List<String> capAdd,
        List<String> capDrop,
        List<ExtraHost> extraHosts,
        Platform platform,
        String hostname,
        String user,
        String workingDir,
        List<String> networkAliases,
        Healthcheck healthcheck,
        String stopSignal) {

    /** No option given: the engine's defaults. */
    public static final RunOptions DEFAULTS = new RunOptions(
            List.of(), null, null, null, null, List.of(), false, false, false, List.of(), List.of(), List.of(), null,
            null, null, null, List.of(), null, null);
}

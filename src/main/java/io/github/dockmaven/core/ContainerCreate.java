package io.github.dockmaven.core;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container.
 *
 * @param name the container name
 * @param image the image reference
 * @param command the command, or null for the image's default
 * @param entrypoint the entrypoint, or null for the image's default
 * @param env environment variables
 * @param labels labels, ours included
 * @param ports published ports
 * @param binds bind mounts and named volumes, each as {@code source:target[:ro]}
 * @param networks the networks to join, each with the DNS aliases the container gets there
 * @param networkMode {@code host}, {@code none}, or null for attaching to {@code networks}
 * @param options the run options; their network aliases are already among those in {@code networks}
 */
public record ContainerCreate(
        String name,
        String image,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> env,
        Map<String, String> labels,
        List<PortMapping> ports,
        List<String> binds,
        Map<String, List<String>> networks,
        String networkMode,
        RunOptions options) {}

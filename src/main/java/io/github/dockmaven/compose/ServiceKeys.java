package io.github.dockmaven.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first-level keys of a compose service and what the plugin does with each: the keys it maps (the contract's
 * list), the keys it ignores with a warning because they mean nothing in a test run, and extension keys ({@code
 * x-...}), which compose itself ignores. Any other key fails the build before anything is created.
 */
final class ServiceKeys {

    /** The keys the plugin maps to a container, in the contract's order. */
    static final List<String> SUPPORTED = List.of(
            "image",
            "build",
            "command",
            "entrypoint",
            "environment",
            "env_file",
            "ports",
            "expose",
            "volumes",
            "networks",
            "depends_on",
            "healthcheck",
            "labels",
            "tmpfs",
            "working_dir",
            "user",
            "hostname",
            "extra_hosts",
            "platform",
            "mem_limit",
            "cpus",
            "shm_size",
            "ulimits",
            "privileged",
            "cap_add",
            "cap_drop",
            "init",
            "stop_grace_period",
            "stop_signal",
            "profiles",
            "container_name");

    /** The keys that change nothing in a test run, each with the reason its warning gives. */
    static final Map<String, String> IGNORED = Map.of(
            "restart", "the plugin starts each service once and stops it after the tests",
            "deploy", "it configures Swarm and replicas; use mem_limit and cpus for limits",
            "logging", "the plugin reads each container's output itself",
            "stdin_open", "no input is attached to a container in a build",
            "tty", "no terminal is attached to a container in a build",
            "attach", "the plugin shows the output of every service",
            "develop", "it serves docker compose watch");

    private ServiceKeys() {}

    /** Whether compose ignores the key as an extension ({@code x-...}), wherever it stands. */
    static boolean isExtension(String key) {
        return key.startsWith("x-");
    }

    /** The supported keys in alphabetical order, for messages. */
    static Set<String> supportedSorted() {
        return new TreeSet<>(SUPPORTED);
    }
}

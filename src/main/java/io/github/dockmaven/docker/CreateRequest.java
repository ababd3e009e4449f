package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's create request for a {@link ContainerCreate}. Of several networks, the first becomes the network mode,
 * with its aliases; the others are connected after creation ({@link Containers}).
 */
final class CreateRequest {

    private CreateRequest() {}

    /** {@code cmd}, a create command for {@code create.image()}, with the rest of {@code create}; not yet sent. */
    static CreateContainerCmd fill(CreateContainerCmd cmd, ContainerCreate create) {
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
            cmd.withLabels(Answers.copy(create.labels()));
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
        if (create.options() != null) {
            applyOptions(cmd, host, create.options());
        }
        return cmd.withHostConfig(host);
    }

    /** The run options, each only when given, so that the engine's default holds otherwise. */
    private static void applyOptions(CreateContainerCmd cmd, HostConfig host, RunOptions options) {
        if (!options.tmpfs().isEmpty()) {
            Map<String, String> tmpfs = new LinkedHashMap<>();
            options.tmpfs().forEach(mount -> tmpfs.put(mount.path(), mount.options()));
            host.withTmpFs(tmpfs);
        }
        if (options.memory() != null) {
            host.withMemory(options.memory().bytes());
        }
        if (options.memorySwap() != null) {
            host.withMemorySwap(options.memorySwap().bytes());
        }
        if (options.shmSize() != null) {
            host.withShmSize(options.shmSize().bytes());
        }
        if (options.cpus() != null) {
            host.withNanoCPUs(options.cpus().nanoCpus());
        }
        if (!options.ulimits().isEmpty()) {
            host.withUlimits(options.ulimits().stream()
                    .map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard()))
                    .toList());
        }
        if (options.privileged()) {
            host.withPrivileged(true);
        }
        if (options.init()) {
            host.withInit(true);
        }
        if (options.readOnly()) {
            host.withReadonlyRootfs(true);
        }
        if (!options.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(options.capAdd()));
        }
        if (!options.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(options.capDrop()));
        }
        if (!options.extraHosts().isEmpty()) {
            host.withExtraHosts(
                    options.extraHosts().stream().map(ExtraHost::toString).toArray(String[]::new));
        }
        if (options.platform() != null) {
            cmd.withPlatform(options.platform().toString());
        }
        if (options.hostname() != null) {
            cmd.withHostName(options.hostname());
        }
        if (options.user() != null) {
            cmd.withUser(options.user());
        }
        if (options.workingDir() != null) {
            cmd.withWorkingDir(options.workingDir());
        }
        if (options.healthcheck() != null) {
            cmd.withHealthcheck(healthCheck(options.healthcheck()));
        }
        if (options.stopSignal() != null) {
            cmd.withStopSignal(options.stopSignal());
        }
    }

    private static Capability[] capabilities(List<String> names) {
        return names.stream().map(Capability::valueOf).toArray(Capability[]::new);
    }

    /** The engine's health check; durations in nanoseconds, an absent one 0 (the image's, or the default). */
    private static HealthCheck healthCheck(Healthcheck check) {
        HealthCheck health = new HealthCheck();
        if (check.test() != null) {
            health.withTest(check.test());
        }
        if (check.interval() != null) {
            health.withInterval(check.interval().toNanos());
        }
        if (check.timeout() != null) {
            health.withTimeout(check.timeout().toNanos());
        }
        if (check.retries() != null) {
            health.withRetries(check.retries());
        }
        if (check.startPeriod() != null) {
            health.withStartPeriod(check.startPeriod().toNanos());
        }
        if (check.startInterval() != null) {
            health.withStartInterval(check.startInterval().toNanos());
        }
        return health;
    }

    private static String bareAddress(String hostIp) {
        if (hostIp == null || hostIp.isEmpty()) {
            return null;
        }
        return hostIp.startsWith("[") && hostIp.endsWith("]") ? hostIp.substring(1, hostIp.length() - 1) : hostIp;
    }
}

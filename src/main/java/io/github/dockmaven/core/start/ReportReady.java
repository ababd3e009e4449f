package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.StopHooks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Records the ready container's published ports and address, and says it started, how fast, and where its ports are. */
final class ReportReady implements ContainerStep {

    private final Engine engine;
    private final Console console;
    private final RunRecord record;
    /** The build's network, or null when the build has none. */
    private final String networkName;

    private final LongSupplier nanoTime;

    ReportReady(Engine engine, Console console, RunRecord record, String networkName, LongSupplier nanoTime) {
        this.engine = engine;
        this.console = console;
        this.record = record;
        this.networkName = networkName;
        this.nanoTime = nanoTime;
    }

    @Override
    public void run(Starting container) {
        ContainerSpec spec = container.spec;
        Optional<ContainerInfo> info = engine.inspect(container.id());
        Map<String, Integer> ports = info.map(ContainerInfo::ports).orElse(Map.of());
        String ip = info.map(i -> networkName != null && i.ipAddresses().containsKey(networkName)
                        ? i.ipAddresses().get(networkName)
                        : firstIp(i))
                .orElse("");
        Started created = container.created;
        Started started = new Started(
                spec.alias(),
                spec.image(),
                created.id(),
                created.name(),
                ports,
                ip,
                spec.stopMode(),
                spec.stopTimeout(),
                spec.dependsOn(),
                StopHooks.of(spec));
        record.updateContainer(started);
        if (spec.reuse()) {
            record.keepForReuse(started.id());
        }
        console.info((container.adopted
                        ? "Reused " + started.describe() + ", ready in "
                        : "Started " + started.describe() + " in ")
                + Durations.format(Duration.ofNanos(nanoTime.getAsLong() - container.begun))
                + portSummary(spec, ports, container.host));
    }

    private static String firstIp(ContainerInfo info) {
        return info.ipAddresses().values().stream().findFirst().orElse("");
    }

    private static String portSummary(ContainerSpec spec, Map<String, Integer> ports, String host) {
        StringBuilder sb = new StringBuilder();
        for (PortMapping port : spec.ports()) {
            Integer hostPort = ports.get(port.key());
            if (hostPort != null) {
                sb.append(sb.length() == 0 ? "; " : ", ").append(port.publishedAt(host, hostPort));
            }
        }
        return sb.toString();
    }
}

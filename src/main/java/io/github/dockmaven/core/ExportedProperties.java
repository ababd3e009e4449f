package io.github.dockmaven.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of the started containers as the properties {@code run} exports for later plugins (failsafe's
 * {@code systemPropertyVariables}, ...): {@code dock.<alias>.host}, {@code .id}, {@code .name}, {@code .ip}, {@code
 * .port.<containerPort>} ({@code .port.<containerPort>.udp} for UDP) and {@code .port}, the host port of the first
 * {@code <port>}.
 */
public final class ExportedProperties {

    private ExportedProperties() {}

    /**
     * The properties of every container {@code record} holds, in its order.
     *
     * @param host where the published ports are reached: {@code localhost}, or a remote engine's host
     */
    public static Map<String, String> of(Plan plan, RunRecord record, String host) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Started started : record.containers()) {
            String prefix = "dock." + started.alias() + ".";
            properties.put(prefix + "host", host);
            properties.put(prefix + "id", started.id());
            properties.put(prefix + "name", started.name());
            properties.put(prefix + "ip", started.ip());
            List<PortMapping> ports = plan.get(started.alias()).ports();
            for (PortMapping port : ports) {
                Integer hostPort = started.ports().get(port.key());
                if (hostPort != null) {
                    String suffix = port.protocol().equals("udp") ? ".udp" : "";
                    properties.put(prefix + "port." + port.containerPort() + suffix, hostPort.toString());
                }
            }
            if (!ports.isEmpty()) {
                Integer first = started.ports().get(ports.get(0).key());
                if (first != null) {
                    properties.put(prefix + "port", first.toString());
                }
            }
        }
        return properties;
    }
}

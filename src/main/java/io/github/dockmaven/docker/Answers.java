package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.ResponseItem;
import io.github.dockmaven.core.ContainerInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's answers in the port's types, and the label filters of the questions: pure functions of docker-java's
 * response objects, so they are tested without an engine.
 */
final class Answers {

    private static final Pattern EXIT_CODE = Pattern.compile("^Exited \\((-?\\d+)\\)");

    private Answers() {}

    static ContainerInfo fromInspection(InspectContainerResponse response) {
        InspectContainerResponse.ContainerState state = response.getState();
        ContainerInfo.Health health = ContainerInfo.Health.NONE;
        if (state != null && state.getHealth() != null) {
            health = health(state.getHealth().getStatus());
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> ips = new LinkedHashMap<>();
        if (response.getNetworkSettings() != null) {
            Ports published = response.getNetworkSettings().getPorts();
            if (published != null) {
                published.getBindings().forEach((port, bindings) -> {
                    Integer hostPort = hostPort(bindings);
                    if (hostPort != null) {
                        ports.put(portKey(port), hostPort);
                    }
                });
            }
            ips.putAll(ipAddresses(response.getNetworkSettings().getNetworks()));
        }
        Long exitCode = state == null ? null : state.getExitCodeLong();
        return new ContainerInfo(
                response.getId(),
                stripSlash(response.getName()),
                response.getConfig() == null ? null : response.getConfig().getImage(),
                response.getConfig() == null
                        ? Map.of()
                        : copy(response.getConfig().getLabels()),
                status(state == null ? null : state.getStatus()),
                exitCode == null ? 0 : exitCode.intValue(),
                health,
                ports,
                ips,
                state == null || state.getError() == null ? "" : state.getError());
    }

    static ContainerInfo fromListing(Container container) {
        String statusText = container.getStatus() == null ? "" : container.getStatus();
        int exitCode = 0;
        Matcher exited = EXIT_CODE.matcher(statusText);
        if (exited.find()) {
            exitCode = Integer.parseInt(exited.group(1));
        }
        ContainerInfo.Health health = ContainerInfo.Health.NONE;
        if (statusText.contains("(healthy)")) {
            health = ContainerInfo.Health.HEALTHY;
        } else if (statusText.contains("(unhealthy)")) {
            health = ContainerInfo.Health.UNHEALTHY;
        } else if (statusText.contains("(health: starting)")) {
            health = ContainerInfo.Health.STARTING;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (container.getPorts() != null) {
            // IPv4 first: an IPv6 binding of the same port is a duplicate we do not want to win
            for (boolean ipv6 : new boolean[] {false, true}) {
                for (ContainerPort port : container.getPorts()) {
                    if (port.getPublicPort() != null && port.getPrivatePort() != null && isIpv6(port.getIp()) == ipv6) {
                        String type = port.getType() == null ? "tcp" : port.getType();
                        ports.putIfAbsent(port.getPrivatePort() + "/" + type, port.getPublicPort());
                    }
                }
            }
        }
        String name = container.getNames() == null || container.getNames().length == 0
                ? null
                : stripSlash(container.getNames()[0]);
        return new ContainerInfo(
                container.getId(),
                name,
                container.getImage(),
                copy(container.getLabels()),
                status(container.getState()),
                exitCode,
                health,
                ports,
                container.getNetworkSettings() == null
                        ? Map.of()
                        : ipAddresses(container.getNetworkSettings().getNetworks()),
                "");
    }

    static ContainerInfo.Status status(String state) {
        String value = state == null ? "" : state.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "created", "configured", "initialized" -> ContainerInfo.Status.CREATED;
            case "running", "stopping" -> ContainerInfo.Status.RUNNING;
            case "paused" -> ContainerInfo.Status.PAUSED;
            case "restarting" -> ContainerInfo.Status.RESTARTING;
            case "removing" -> ContainerInfo.Status.REMOVING;
            case "exited", "stopped" -> ContainerInfo.Status.EXITED;
            default -> ContainerInfo.Status.DEAD;
        };
    }

    private static ContainerInfo.Health health(String status) {
        String value = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return switch (value) {
            case "healthy" -> ContainerInfo.Health.HEALTHY;
            case "unhealthy" -> ContainerInfo.Health.UNHEALTHY;
            case "starting" -> ContainerInfo.Health.STARTING;
            default -> ContainerInfo.Health.NONE;
        };
    }

    private static Integer hostPort(Ports.Binding[] bindings) {
        if (bindings == null) {
            return null;
        }
        Integer fallback = null;
        for (Ports.Binding binding : bindings) {
            Integer port = parsePort(binding.getHostPortSpec());
            if (port == null) {
                continue;
            }
            if (!isIpv6(binding.getHostIp())) {
                return port;
            }
            if (fallback == null) {
                fallback = port;
            }
        }
        return fallback;
    }

    private static Integer parsePort(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(spec.trim());
        } catch (NumberFormatException range) {
            return null;
        }
    }

    private static boolean isIpv6(String ip) {
        return ip != null && ip.contains(":");
    }

    private static String portKey(ExposedPort port) {
        String protocol =
                port.getProtocol() == null ? "tcp" : port.getProtocol().name().toLowerCase(Locale.ROOT);
        return port.getPort() + "/" + protocol;
    }

    private static Map<String, String> ipAddresses(Map<String, ContainerNetwork> networks) {
        Map<String, String> ips = new LinkedHashMap<>();
        if (networks != null) {
            networks.forEach((name, network) -> {
                if (network != null
                        && network.getIpAddress() != null
                        && !network.getIpAddress().isEmpty()) {
                    ips.put(name, network.getIpAddress());
                }
            });
        }
        return ips;
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    /** A mutable copy of {@code map}, empty for null. */
    static Map<String, String> copy(Map<String, String> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    /**
     * Whether a resource carries every label asked for ({@code null} value: the key alone). The engine filters the
     * lists already, but Podman 4 joins several label filters of a volume list with OR: all our volumes would match
     * one build's filter, and a cleanup would remove another build's volumes; Podman 4.3 answers an image list filtered
     * by two labels with nothing. So every list is checked again here.
     */
    static boolean carriesAll(Map<String, String> actual, Map<String, String> wanted) {
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            String value = actual == null ? null : actual.get(label.getKey());
            if (value == null || (label.getValue() != null && !label.getValue().equals(value))) {
                return false;
            }
        }
        return true;
    }

    /** The engine's label filter for {@code labels}: {@code key=value}, or the key alone for a null value. */
    static List<String> labelFilter(Map<String, String> labels) {
        List<String> filter = new ArrayList<>();
        labels.forEach((key, value) -> filter.add(value == null ? key : key + "=" + value));
        return filter;
    }

    /** The error a pull or load reported in its progress stream, or null. */
    static String errorOf(ResponseItem item) {
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            return item.getErrorDetail().getMessage().trim();
        }
        return item.getError() == null ? null : item.getError().trim();
    }
}

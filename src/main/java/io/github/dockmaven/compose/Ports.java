package io.github.dockmaven.compose;

import io.github.dockmaven.core.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code ports}, short syntax ({@code [ip:][host[-range]:]container[-range][/protocol]}) and long syntax
 * ({@code target}, {@code published}, {@code host_ip}, {@code protocol}), and its {@code expose}.
 */
final class Ports {

    private static final String SHORT_FORM = "Write [ip:][hostPort[-range]:]containerPort[-range][/tcp|udp], such as"
            + " 8080:80, 127.0.0.1:5432:5432 or 9000-9001:9000-9001";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final Pattern HOST_IP = Pattern.compile("\\[[0-9a-fA-F:.]+]|[0-9.]+|[A-Za-z][A-Za-z0-9.-]*");
    private static final Set<String> LONG_KEYS =
            Set.of("target", "published", "host_ip", "protocol", "mode", "name", "app_protocol");

    private Ports() {}

    /** The published ports of {@code service}, in file order, a range expanded to one mapping per port. */
    static List<PortMapping> of(ComposeService service) {
        Node ports = Node.of(service, "ports");
        List<PortMapping> mappings = new ArrayList<>();
        if (ports.isAbsent()) {
            return mappings;
        }
        for (Node port : ports.list()) {
            mappings.addAll(port.isMap() ? longSyntax(port) : shortSyntax(port));
        }
        return mappings;
    }

    /**
     * Checks {@code expose}. Exposing publishes nothing, and on the build's network every port of a container is
     * reachable by the others already, so it changes nothing for a test run.
     */
    static void checkExpose(ComposeService service) {
        Node expose = Node.of(service, "expose");
        if (expose.isAbsent()) {
            return;
        }
        for (Node port : expose.list()) {
            String text = port.text();
            String[] parts = text.split("/", 2);
            if (parts.length == 2 && !parts[1].equals("tcp") && !parts[1].equals("udp")) {
                throw port.invalid("has the protocol '" + parts[1] + "'; use tcp or udp");
            }
            ports(port, parts[0], "Write containerPort[-range][/tcp|udp], such as 8080 or 9000-9010/udp");
        }
    }

    private static List<PortMapping> shortSyntax(Node port) {
        String text = port.text().trim();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = protocol(port, text.substring(slash + 1));
            text = text.substring(0, slash);
        }
        String hostIp = null;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw port.invalid("is not a port mapping. " + SHORT_FORM);
            }
            hostIp = text.substring(0, close + 1);
            text = text.substring(close + 2);
        }
        String[] parts = text.split(":", -1);
        if (hostIp == null && parts.length == 3) {
            if (!HOST_IP.matcher(parts[0]).matches()) {
                throw port.invalid(
                        "has the host address '" + parts[0] + "', which is not an IP address or name. " + SHORT_FORM);
            }
            hostIp = parts[0];
            parts = new String[] {parts[1], parts[2]};
        }
        if (parts.length > 2 || (hostIp != null && parts.length != 2)) {
            throw port.invalid("is not a port mapping. " + SHORT_FORM);
        }
        String published = parts.length == 2 ? parts[0] : "";
        return mappings(port, hostIp, published, parts[parts.length - 1], protocol, SHORT_FORM);
    }

    private static List<PortMapping> longSyntax(Node port) {
        Map<String, Node> keys = port.map(LONG_KEYS);
        Node target = port.get("target");
        if (target.isAbsent()) {
            throw port.fail("has no 'target', the container port. Add target: <containerPort>.");
        }
        String protocol = keys.containsKey("protocol")
                ? protocol(port.get("protocol"), port.get("protocol").text())
                : "tcp";
        Node mode = port.get("mode");
        if (!mode.isAbsent() && !mode.text().equals("host") && !mode.text().equals("ingress")) {
            throw mode.invalid("is not a port mode; use host or ingress (both publish on the engine's host)");
        }
        String hostIp = port.get("host_ip").textOr(null);
        if (hostIp != null && !HOST_IP.matcher(hostIp).matches() && !hostIp.contains(":")) {
            throw port.get("host_ip").invalid("is not an IP address");
        }
        if (hostIp != null && hostIp.contains(":") && !hostIp.startsWith("[")) {
            hostIp = "[" + hostIp + "]";
        }
        String longForm = "Write target as a container port and published as a host port or range, such as"
                + " target: 80 and published: \"8080\"";
        return mappings(port, hostIp, port.get("published").textOr(""), target.text(), protocol, longForm);
    }

    private static List<PortMapping> mappings(
            Node port, String hostIp, String published, String target, String protocol, String form) {
        List<Integer> containerPorts = ports(port, target, form);
        if (containerPorts.contains(0)) {
            throw port.invalid("has the container port 0, which is not a port. " + form);
        }
        List<Integer> hostPorts = published.isEmpty() ? List.of() : ports(port, published, form);
        if (!hostPorts.isEmpty() && hostPorts.size() != containerPorts.size()) {
            throw port.invalid("maps " + hostPorts.size() + " host port(s) to " + containerPorts.size()
                    + " container port(s); give ranges of the same length, or one port each");
        }
        List<PortMapping> mappings = new ArrayList<>();
        for (int i = 0; i < containerPorts.size(); i++) {
            Integer hostPort = hostPorts.isEmpty() || hostPorts.get(i) == 0 ? null : hostPorts.get(i);
            mappings.add(new PortMapping(hostIp, hostPort, containerPorts.get(i), protocol));
        }
        return mappings;
    }

    /** The ports of {@code 8080} or {@code 9000-9010}. */
    private static List<Integer> ports(Node port, String text, String form) {
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches()) {
            throw port.invalid("is not a port mapping: '" + text + "' is not a port or range. " + form);
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (last > 65535 || first > 65535) {
            throw port.invalid("is not a port mapping: " + Math.max(first, last) + " is above 65535, the highest port");
        }
        if (last < first) {
            throw port.invalid("has the range " + text + ", which ends before it starts");
        }
        List<Integer> ports = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            ports.add(p);
        }
        return ports;
    }

    private static String protocol(Node port, String protocol) {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw port.invalid("has the protocol '" + protocol + "'; use tcp or udp");
        }
        return protocol;
    }
}

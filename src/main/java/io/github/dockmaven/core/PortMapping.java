package io.github.dockmaven.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published port: {@code 8080}, {@code 18080:8080}, {@code 127.0.0.1:18080:8080}, each with an optional
 * {@code /udp} or {@code /tcp} suffix.
 *
 * @param hostIp the host interface to bind, or null for all
 * @param hostPort the fixed host port, or null for a free one chosen by the engine
 * @param containerPort the container port
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortMapping(String hostIp, Integer hostPort, int containerPort, String protocol) {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(?:(\\[[0-9a-fA-F:]+]|[0-9.]+|[A-Za-z][A-Za-z0-9.-]*):)?(\\d+):)?(\\d+)(?:/(tcp|udp))?");

    /** Parses the {@code <port>} syntax; throws {@link IllegalArgumentException} with the reason. */
    public static PortMapping parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'containerPort', 'hostPort:containerPort' or"
                    + " 'hostIp:hostPort:containerPort', optionally followed by /tcp or /udp");
        }
        Integer hostPort = m.group(2) == null ? null : checkRange(m.group(2));
        if (hostPort != null && hostPort == 0) {
            hostPort = null;
        }
        int containerPort = checkRange(m.group(3));
        if (containerPort == 0) {
            throw new IllegalArgumentException("container port 0 is not a port");
        }
        return new PortMapping(m.group(1), hostPort, containerPort, m.group(4) == null ? "tcp" : m.group(4));
    }

    private static int checkRange(String digits) {
        long value = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value > 65535) {
            throw new IllegalArgumentException(digits + " is above 65535, the highest port");
        }
        return (int) value;
    }

    /** Where this port is published: {@code 8080 -> localhost:32771}, {@code 53/udp -> localhost:32772}. */
    public String publishedAt(String host, int publishedPort) {
        return containerPort + (protocol.equals("udp") ? "/udp" : "") + " -> " + host + ":" + publishedPort;
    }

    /** The engine's key for this port, e.g. {@code 8080/tcp}. */
    public String key() {
        return containerPort + "/" + protocol;
    }
}

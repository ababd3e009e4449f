package io.github.dockmaven.core;

import java.util.regex.Pattern;

/**
 * A line added to the container's {@code /etc/hosts}, as {@code docker run --add-host} takes it: {@code name:address}.
 * The address is an IPv4 or IPv6 address, or {@code host-gateway}, which the engine replaces with its host's address.
 *
 * @param name the host name
 * @param address the address, or {@code host-gateway}
 */
public record ExtraHost(String name, String address) {

    /** The address the engine resolves to its own host. */
    public static final String HOST_GATEWAY = "host-gateway";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}");

    /** Parses {@code name:address}; throws {@link IllegalArgumentException} with the reason. */
    public static ExtraHost parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "expected name:address, such as db.local:10.0.0.5 or" + " host.docker.internal:host-gateway");
        }
        String name = trimmed.substring(0, colon);
        String address = trimmed.substring(colon + 1);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a host name");
        }
        if (!address.equals(HOST_GATEWAY)
                && !IPV4.matcher(address).matches()
                && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + address + "' is neither an IP address nor " + HOST_GATEWAY);
        }
        return new ExtraHost(name, address);
    }

    /** As the engine's API takes it: {@code name:address}. */
    @Override
    public String toString() {
        return name + ":" + address;
    }
}

package io.github.dockmaven.compose;

import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.Capabilities;
import io.github.dockmaven.core.Cpus;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The keys of a service that are {@code docker run} options: {@code tmpfs}, {@code mem_limit}, {@code shm_size},
 * {@code cpus}, {@code ulimits}, {@code privileged}, {@code init}, {@code cap_add}, {@code cap_drop}, {@code
 * extra_hosts}, {@code platform}, {@code hostname}, {@code user}, {@code working_dir}, {@code stop_signal}; the
 * health check and network aliases come from their own readers.
 */
final class RunOptionKeys {

    private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9]+(?:[+-]\\d+)?|[A-Z0-9]+|\\d{1,2}");
    private static final Set<String> ULIMIT_KEYS = Set.of("soft", "hard");

    private RunOptionKeys() {}

    /**
     * @param tmpfs tmpfs mounts the service's {@code volumes} gave ({@code type: tmpfs}), after those of {@code tmpfs}
     * @param aliases the service's network aliases
     * @param healthcheck its health check, or null
     */
    static RunOptions of(
            ComposeService service, List<TmpfsMount> tmpfs, List<String> aliases, Healthcheck healthcheck) {
        List<TmpfsMount> mounts = new ArrayList<>(each(service, "tmpfs", TmpfsMount::parse));
        mounts.addAll(tmpfs);
        Node workingDir = Node.of(service, "working_dir");
        if (!workingDir.isAbsent() && !workingDir.text().startsWith("/")) {
            throw workingDir.invalid("is not an absolute path in the container, such as /app");
        }
        Node stopSignal = Node.of(service, "stop_signal");
        if (!stopSignal.isAbsent() && !SIGNAL.matcher(stopSignal.text()).matches()) {
            throw stopSignal.invalid("is not a signal; write its name or number, such as SIGINT, SIGQUIT or 2");
        }
        return new RunOptions(
                mounts,
                one(service, "mem_limit", ByteSize::parse),
                null,
                one(service, "shm_size", ByteSize::parse),
                one(service, "cpus", Cpus::parse),
                ulimits(service),
                Node.of(service, "privileged").boolOr(false),
                Node.of(service, "init").boolOr(false),
                false,
                each(service, "cap_add", Capabilities::parse),
                each(service, "cap_drop", Capabilities::parse),
                extraHosts(service),
                one(service, "platform", Platform::parse),
                Node.of(service, "hostname").textOr(null),
                Node.of(service, "user").textOr(null),
                workingDir.textOr(null),
                List.copyOf(aliases),
                healthcheck,
                stopSignal.textOr(null));
    }

    private static <T> T one(ComposeService service, String key, Function<String, T> parser) {
        Node node = Node.of(service, key);
        return node.isAbsent() ? null : node.parse(parser);
    }

    private static <T> List<T> each(ComposeService service, String key, Function<String, T> parser) {
        Node node = Node.of(service, key);
        return node.isAbsent()
                ? List.of()
                : node.listOrSingle().stream().map(item -> item.parse(parser)).toList();
    }

    /** {@code nofile: 20000} or {@code nofile: {soft: 20000, hard: 40000}}. */
    private static List<Ulimit> ulimits(ComposeService service) {
        Node node = Node.of(service, "ulimits");
        if (node.isAbsent()) {
            return List.of();
        }
        List<Ulimit> ulimits = new ArrayList<>();
        for (Map.Entry<String, Node> entry : node.map().entrySet()) {
            Node limit = entry.getValue();
            String text;
            if (limit.isMap()) {
                limit.map(ULIMIT_KEYS);
                if (limit.get("soft").isAbsent() || limit.get("hard").isAbsent()) {
                    throw limit.fail("needs both soft and hard, such as {soft: 20000, hard: 40000}.");
                }
                text = entry.getKey() + "=" + limit.get("soft").text() + ":"
                        + limit.get("hard").text();
            } else {
                text = entry.getKey() + "=" + limit.text();
            }
            ulimits.add(Node.at(service, limit.path(), text).parse(Ulimit::parse));
        }
        return ulimits;
    }

    /** A list of {@code host:address} or {@code host=address}, or a map of host to address. */
    private static List<ExtraHost> extraHosts(ComposeService service) {
        Node node = Node.of(service, "extra_hosts");
        if (node.isAbsent()) {
            return List.of();
        }
        List<ExtraHost> hosts = new ArrayList<>();
        if (node.isMap()) {
            node.map()
                    .forEach((host, address) ->
                            hosts.add(Node.at(service, address.path(), host + ":" + unbracketed(address.text()))
                                    .parse(ExtraHost::parse)));
            return hosts;
        }
        for (Node item : node.list()) {
            String text = item.text();
            int separator = text.indexOf('=') >= 0 ? text.indexOf('=') : text.indexOf(':');
            String line = separator < 0
                    ? text
                    : text.substring(0, separator) + ":" + unbracketed(text.substring(separator + 1));
            hosts.add(Node.at(service, item.path(), line).parse(ExtraHost::parse));
        }
        return hosts;
    }

    /** Compose allows {@code [::1]} for an IPv6 address; the engine takes it bare. */
    private static String unbracketed(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }
}

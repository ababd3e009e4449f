package io.github.dockmaven.compose;

import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Healthcheck;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A service's {@code healthcheck}: {@code test} as a string (run by a shell) or a list starting with {@code CMD},
 * {@code CMD-SHELL} or {@code NONE}; {@code interval}, {@code timeout}, {@code start_period}, {@code start_interval}
 * as compose durations ({@code 1m30s}); {@code retries}; {@code disable}.
 */
final class Healthchecks {

    private static final Set<String> KEYS =
            Set.of("test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");

    private Healthchecks() {}

    /** The health check replacing the image's, or null when the service gives none. */
    static Healthcheck of(ComposeService service) {
        Node check = Node.of(service, "healthcheck");
        if (check.isAbsent()) {
            return null;
        }
        check.map(KEYS);
        if (check.get("disable").boolOr(false)) {
            return new Healthcheck(List.of(Healthcheck.NONE), null, null, null, null);
        }
        Node retries = check.get("retries");
        return new Healthcheck(
                test(check.get("test")),
                duration(check.get("interval")),
                duration(check.get("timeout")),
                retries.isAbsent() ? null : retries.integer(0),
                duration(check.get("start_period")),
                duration(check.get("start_interval")));
    }

    private static List<String> test(Node test) {
        if (test.isAbsent()) {
            return null;
        }
        if (!test.isList()) {
            return Healthcheck.test(test.text());
        }
        List<String> words = test.list().stream().map(Node::text).toList();
        if (words.isEmpty()) {
            throw test.fail(
                    "is an empty list. Start it with CMD, CMD-SHELL or NONE, such as [\"CMD\", \"pg_isready\"].");
        }
        String kind = words.get(0);
        boolean valid = (kind.equals("CMD") && words.size() > 1)
                || (kind.equals("CMD-SHELL") && words.size() == 2)
                || (kind.equals(Healthcheck.NONE) && words.size() == 1);
        if (!valid) {
            throw test.invalid("is not a health check test. Write [\"CMD\", \"program\", \"arg\"…],"
                    + " [\"CMD-SHELL\", \"command line\"] or [\"NONE\"]");
        }
        return words;
    }

    private static Duration duration(Node node) {
        return node.isAbsent() ? null : node.parse(text -> Healthcheck.checkDuration(Durations.parse(text)));
    }
}

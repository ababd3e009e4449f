package io.github.dockmaven.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose's {@code !reset} and {@code !override} YAML tags, with which a later file removes or replaces what an
 * earlier one set instead of merging with it ({@code ports: !reset []}, {@code environment: !override {...}}). The
 * reader leaves them in the tree as these values; the merge applies them and nothing after it sees them.
 */
final class MergeTags {

    /** {@code !reset}: the key is removed from the merged result, the entry from its list. */
    enum Reset {
        VALUE
    }

    /** {@code !override}: the value replaces the earlier one instead of merging with it. */
    record Override(Object value) {}

    private MergeTags() {}

    /** The value as the file gives it, tags aside: nothing for {@code !reset}, the value of {@code !override}. */
    static Object plain(Object value) {
        if (value instanceof Override override) {
            return override.value();
        }
        return value instanceof Reset ? null : value;
    }

    /** The value with its tags applied below it: entries reset are left out, values overridden taken as they are. */
    static Object applied(Object value) {
        Object plain = plain(value);
        if (plain instanceof Map<?, ?> map) {
            Map<String, Object> applied = new LinkedHashMap<>();
            map.forEach((key, entry) -> {
                if (!(entry instanceof Reset)) {
                    applied.put((String) key, applied(entry));
                }
            });
            return applied;
        }
        if (plain instanceof List<?> list) {
            List<Object> applied = new ArrayList<>(list.size());
            for (Object entry : list) {
                if (!(entry instanceof Reset)) {
                    applied.add(applied(entry));
                }
            }
            return applied;
        }
        return plain;
    }
}

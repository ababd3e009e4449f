package io.github.dockmaven.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The early starts of a Maven session that {@code run} has not taken yet, by project and execution. */
final class EarlyStarts {

    private final Map<String, EarlyStart> waiting = new ConcurrentHashMap<>();

    void put(String project, String execution, EarlyStart start) {
        waiting.put(key(project, execution), start);
    }

    /** The early start of this execution, now {@code run}'s to take; null if there is none. */
    EarlyStart take(String project, String execution) {
        return waiting.remove(key(project, execution));
    }

    /** Every early start of this project not taken yet, now the caller's. */
    List<EarlyStart> takeAll(String project) {
        return takeWhere(project + "#");
    }

    /** Every early start not taken yet, now the caller's. */
    List<EarlyStart> takeAll() {
        return takeWhere("");
    }

    private List<EarlyStart> takeWhere(String prefix) {
        List<EarlyStart> taken = new ArrayList<>();
        for (String key : List.copyOf(waiting.keySet())) {
            EarlyStart start = key.startsWith(prefix) ? waiting.remove(key) : null;
            if (start != null) {
                taken.add(start);
            }
        }
        return taken;
    }

    private static String key(String project, String execution) {
        return project + "#" + execution;
    }
}

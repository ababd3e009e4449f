package io.github.dockmaven.maven;

import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Started;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lifecycle runs of a Maven session whose resources must be gone when the build ends, and what is kept on purpose
 * ({@code dock.keep}): what the shutdown hook looks for, and what it leaves alone.
 */
final class LiveRuns {

    private final List<RunRecord> live = new CopyOnWriteArrayList<>();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private volatile boolean somethingMayBeLeft;

    void add(RunRecord record) {
        live.add(record);
    }

    /**
     * Forgets a run.
     *
     * @param removedAll false when something it created may be left (a failed start, a stop that could not remove
     *     everything): the shutdown hook then looks for what is left of the session even if no run is live
     */
    void remove(RunRecord record, boolean removedAll) {
        if (!removedAll) {
            somethingMayBeLeft = true;
        }
        live.remove(record);
    }

    /** Forgets a run whose resources are kept; returns the ids and names of what it created, for {@link #keep}. */
    List<String> forgetKept(RunRecord record) {
        live.remove(record);
        List<String> names = new ArrayList<>();
        for (Started container : record.containers()) {
            names.add(container.id());
            names.add(container.name());
        }
        names.addAll(record.networks());
        names.addAll(record.volumes());
        return names;
    }

    /** Keeps these resources (container ids or names, network or volume names) out of every cleanup at exit. */
    void keep(List<String> names) {
        kept.addAll(names);
    }

    /** The ids and names kept out of every cleanup at exit: a live view, so a keep that comes late still counts. */
    Set<String> kept() {
        return Collections.unmodifiableSet(kept);
    }

    /** The runs not yet stopped, of one project. */
    List<RunRecord> of(String project) {
        return live.stream()
                .filter(record -> record.scope().project().equals(project))
                .toList();
    }

    /** Whether the shutdown hook has nothing to look for: every run was stopped or kept, with everything removed. */
    boolean nothingLeft() {
        return live.isEmpty() && !somethingMayBeLeft;
    }

    /** Whether a run is live: stop did not run, or a start is still under way. */
    boolean any() {
        return !live.isEmpty();
    }

    /** How many containers the live runs created so far that go when the build ends (not those kept for reuse). */
    int containers() {
        return live.stream().mapToInt(r -> r.disposable().size()).sum();
    }

    /** Forgets every run: the shutdown hook removed what they held. */
    void clear() {
        live.clear();
    }
}

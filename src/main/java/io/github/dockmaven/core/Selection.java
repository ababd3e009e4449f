package io.github.dockmaven.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link Teardown} removes: the resources one run recorded, or those found by their labels. A teardown that
 * retries asks again on each round, so a selection by labels also finds what appeared since the last one.
 */
public interface Selection {

    /** The containers to remove now; what is found but left alone goes to {@code spared}, described. */
    List<Started> containers(Engine engine, Consumer<String> spared);

    /** The names of the networks to remove now. */
    List<String> networks(Engine engine, Consumer<String> spared);

    /** The names of the volumes to remove now. */
    List<String> volumes(Engine engine, Consumer<String> spared);

    /** Told, once the teardown ends, what it removed. */
    default void removed(TeardownReport report) {}

    /**
     * This selection, each container with the {@link StopHooks} that {@code hooks} holds for its alias (others keep
     * theirs): for a stop that finds by labels the containers of a configuration it knows.
     */
    default Selection withHooks(Map<String, StopHooks> hooks) {
        return new HookedSelection(this, hooks);
    }

    /** What one run recorded; the record forgets what was removed. */
    static Selection of(RunRecord record) {
        return new RunSelection(record);
    }

    /**
     * What a session created in the lifecycle, less what it keeps on purpose: {@code kept} holds their container ids
     * or names, network or volume names.
     */
    static LabelledSelection ofLifecycleSession(String session, Collection<String> kept) {
        return byLabels(Labels.ofLifecycleSession(session)).sparing(found -> found.isNamedIn(kept));
    }

    /**
     * What {@code dock:prune} removes: the stopped containers, and the networks and volumes no container uses, that
     * carry all labels of {@code filter}.
     */
    static LabelledSelection unused(Map<String, String> filter) {
        return byLabels(filter).sparing(LabelledSelection.Found::inUse);
    }

    /** Every container, network and volume carrying all labels of {@code filter}. */
    static LabelledSelection byLabels(Map<String, String> filter) {
        return new LabelledSelection(filter, found -> false);
    }
}

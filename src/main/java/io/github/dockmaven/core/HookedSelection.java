package io.github.dockmaven.core;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Another selection, its containers given the stop hooks of their aliases; see {@link Selection#withHooks}. */
final class HookedSelection implements Selection {

    private final Selection selection;
    private final Map<String, StopHooks> hooks;

    HookedSelection(Selection selection, Map<String, StopHooks> hooks) {
        this.selection = selection;
        this.hooks = Map.copyOf(hooks);
    }

    @Override
    public List<Started> containers(Engine engine, Consumer<String> spared) {
        return selection.containers(engine, spared).stream()
                .map(c -> c.withHooks(hooks.getOrDefault(c.alias(), c.hooks())))
                .toList();
    }

    @Override
    public List<String> networks(Engine engine, Consumer<String> spared) {
        return selection.networks(engine, spared);
    }

    @Override
    public List<String> volumes(Engine engine, Consumer<String> spared) {
        return selection.volumes(engine, spared);
    }

    @Override
    public void removed(TeardownReport report) {
        selection.removed(report);
    }
}

package io.github.dockmaven.core;

import java.util.List;
import java.util.function.Consumer;

/** The resources one run recorded, as it created them: nothing to list; only the containers kept for reuse spared. */
final class RunSelection implements Selection {

    private final RunRecord record;

    RunSelection(RunRecord record) {
        this.record = record;
    }

    @Override
    public List<Started> containers(Engine engine, Consumer<String> spared) {
        record.reused().forEach(kept -> spared.accept("container " + kept.name() + " (reused)"));
        return record.disposable();
    }

    @Override
    public List<String> networks(Engine engine, Consumer<String> spared) {
        return record.networks();
    }

    @Override
    public List<String> volumes(Engine engine, Consumer<String> spared) {
        return record.volumes();
    }

    @Override
    public void removed(TeardownReport report) {
        record.forget(report);
    }
}

package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the container, labelled and attached as its spec says, and records it; fails when its name is taken. A
 * reused container is labelled as such, with its configuration's {@link Fingerprint}.
 */
final class CreateContainer implements ContainerStep {

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final RunRecord record;
    private final ConflictHints hints;
    private final ContainerRequest requests;

    CreateContainer(
            Engine engine,
            Console console,
            Scope scope,
            RunRecord record,
            ConflictHints hints,
            ContainerRequest requests) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.record = record;
        this.hints = hints;
        this.requests = requests;
    }

    /** The name a container of {@code spec} gets: its {@code <name>}, else one unique to the build. */
    static String nameOf(ContainerSpec spec, Scope scope) {
        return spec.name() != null ? spec.name() : scope.name(spec.alias());
    }

    @Override
    public void run(Starting container) {
        ContainerSpec spec = container.spec;
        String name = nameOf(spec, scope);
        console.debug("Creating '" + spec.alias() + "' as " + name);
        String id;
        try {
            id = engine.createContainer(requests.of(spec, name, labels(container)));
        } catch (EngineException.NameInUse e) {
            throw new BuildFailure(
                    "Container " + spec.describe() + " cannot be created: the name '" + name + "' is already in use"
                            + hints.holderOf(name),
                    e);
        }
        container.created = Started.created(spec, id, name);
        record.addContainer(container.created);
    }

    private Map<String, String> labels(Starting container) {
        ContainerSpec spec = container.spec;
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        if (container.fingerprint == null) {
            labels.putAll(scope.labels());
        } else {
            labels.putAll(scope.reused().labels());
            labels.putAll(container.fingerprint.labels());
            labels.put(
                    Labels.CREATED,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        labels.putAll(Labels.of(spec));
        return labels;
    }
}

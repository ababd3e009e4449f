package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * For a reused container: takes the container an earlier build left running with the same configuration, or removes
 * the earlier one (changed, or no longer running) so that a new one is created. The configuration is what the
 * engine would be asked to create, with the image's id rather than its tag, the {@code <postStart>} commands (they ran
 * once, when it was created) and the content of the {@code <copyIn>} sources; see {@link Fingerprint}.
 *
 * <p>Of a container that is not reused, it does nothing.
 */
final class AdoptReused implements ContainerStep {

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final RunRecord record;
    private final ContainerRequest requests;

    AdoptReused(Engine engine, Console console, Scope scope, RunRecord record, ContainerRequest requests) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.record = record;
        this.requests = requests;
    }

    @Override
    public void run(Starting container) {
        ContainerSpec spec = container.spec;
        if (!spec.reuse()) {
            return;
        }
        Fingerprint fingerprint = fingerprint(spec);
        container.fingerprint = fingerprint;
        for (ContainerInfo earlier : engine.listContainers(Labels.ofReused(scope, spec.alias()))) {
            Started found = Started.created(spec, earlier.id(), earlier.name());
            boolean running = earlier.status() == ContainerInfo.Status.RUNNING;
            if (!container.adopted && running && fingerprint.matches(earlier.labels())) {
                container.created = found;
                container.adopted = true;
                record.addContainer(found);
                String created = earlier.labels().get(Labels.CREATED);
                console.info("Reusing " + found.describe() + ", started "
                        + (created == null ? "by an earlier build" : created));
                continue;
            }
            if (container.adopted) {
                // two builds that created one each at once: one is enough
                console.info("Removing the reused container " + found.describe()
                        + ": another one of the same configuration is reused");
            } else {
                String why = running
                        ? "its configuration changed (" + String.join(", ", fingerprint.changedFrom(earlier.labels()))
                                + ")"
                        : "it is " + earlier.status().name().toLowerCase(Locale.ROOT);
                console.info("Replacing the reused container " + found.describe() + ": " + why);
            }
            engine.removeContainer(earlier.id());
        }
    }

    /** The fingerprint of what {@code spec} would be created as. */
    private Fingerprint fingerprint(ContainerSpec spec) {
        ContainerCreate create = requests.of(spec, CreateContainer.nameOf(spec, scope), Map.of());
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("image", engine.imageId(spec.image()).orElse(spec.image()));
        parts.put("name", spec.name());
        parts.put("command", create.command());
        parts.put("entrypoint", create.entrypoint());
        parts.put("env", create.env());
        parts.put("labels", spec.labels());
        parts.put("ports", create.ports());
        parts.put("volumes", create.binds());
        parts.put("networks", create.networkMode() == null ? create.networks() : create.networkMode());
        parts.put("options", create.options());
        parts.put("postStart", spec.postStart());
        parts.put("copyIn", CopyInContent.of(spec.copyIn()));
        return Fingerprint.of(parts);
    }
}

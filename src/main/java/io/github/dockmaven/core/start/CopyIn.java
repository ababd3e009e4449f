package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import java.nio.file.Path;

/**
 * Copies the {@code <copyIn>} entries into the created container, before it starts, so that its entrypoint finds them
 * (init scripts, configuration). The engine's archive API does it, so it works with a remote engine too.
 */
final class CopyIn implements ContainerStep {

    private final Engine engine;
    private final Console console;

    CopyIn(Engine engine, Console console) {
        this.engine = engine;
        this.console = console;
    }

    @Override
    public void run(Starting container) {
        for (CopyEntry entry : container.spec.copyIn()) {
            try {
                engine.copyIn(container.id(), Path.of(entry.from()), entry.containerTarget());
            } catch (EngineException e) {
                throw new BuildFailure(
                        container.subject() + ": <copyIn> " + entry.describe() + " failed: " + e.getMessage(), e);
            }
            console.debug("Copied " + entry.from() + " to " + entry.containerTarget() + " in " + container.subject());
        }
    }
}

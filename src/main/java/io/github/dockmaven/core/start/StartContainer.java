package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.wait.Waiter;

/** Starts the created container, unless the start failed elsewhere; fails when a host port it asks for is taken. */
final class StartContainer implements ContainerStep {

    private final Engine engine;
    private final ConflictHints hints;

    StartContainer(Engine engine, ConflictHints hints) {
        this.engine = engine;
        this.hints = hints;
    }

    @Override
    public void run(Starting container) {
        if (container.cancelled.getAsBoolean()) {
            throw new Waiter.Cancelled();
        }
        try {
            engine.startContainer(container.id());
        } catch (EngineException.PortInUse e) {
            throw new BuildFailure(
                    container.subject() + " could not start: " + e.engineWords() + hints.portOwner(container.spec)
                            + ". Free that host port, or let Docker choose a free one by giving only the container port"
                            + " in <port>.",
                    e);
        }
    }
}

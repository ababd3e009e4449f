package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineInfo;
import io.github.dockmaven.core.wait.Waiter;
import java.util.function.LongSupplier;

/** Waits until the container is ready as its {@code <wait>} says; fails when it exits, vanishes or times out. */
final class AwaitReady implements ContainerStep {

    private final Engine engine;
    private final LongSupplier nanoTime;

    AwaitReady(Engine engine, LongSupplier nanoTime) {
        this.engine = engine;
        this.nanoTime = nanoTime;
    }

    @Override
    public void run(Starting container) {
        // Asked here, not before the first create: the engine's info may cost a request (its version), which would
        // otherwise delay every container.
        EngineInfo info = engine.info();
        container.host = info.portHost();
        String id = container.id();
        new Waiter(container.spec.readiness(), nanoTime, info.containersRouted())
                .await(
                        container.subject(),
                        () -> engine.inspect(id),
                        container.log,
                        container.host,
                        container.cancelled);
        container.log.waitsDone();
    }
}

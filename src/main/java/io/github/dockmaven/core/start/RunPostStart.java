package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.Exec;
import io.github.dockmaven.core.ExecRun;
import io.github.dockmaven.core.wait.Waiter;

/**
 * Runs the {@code <postStart>} commands inside the container once its wait held, in order; the container is ready,
 * and its dependents may start, only when each exited 0. Their output goes to the container's output, marked as exec
 * output ({@link ExecRun}). Each may take as long as the container's wait may: a command that hangs fails the start
 * instead of the build hanging with it.
 */
final class RunPostStart implements ContainerStep {

    private final Engine engine;

    RunPostStart(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void run(Starting container) {
        for (Exec exec : container.spec.postStart()) {
            if (container.cancelled.getAsBoolean()) {
                throw new Waiter.Cancelled();
            }
            ExecRun run = ExecRun.run(
                    engine,
                    container.id(),
                    "postStart",
                    exec,
                    container.spec.readiness().timeout(),
                    container.log);
            if (run.timedOut()) {
                throw new BuildFailure(run.failure(container.subject()) + " A <postStart> command may take as long as"
                        + " the container's <wait><timeout>: raise that, or make the command end.");
            }
            if (!run.succeeded()) {
                throw new BuildFailure(run.failure(container.subject()));
            }
        }
    }
}

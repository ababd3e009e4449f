package io.github.dockmaven.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a container's {@link StopHooks} during a graceful stop: its {@code <preStop>} commands before the stop, its
 * {@code <copyOut>} copies after it, before the container is removed. Nothing here fails the teardown: a command that
 * fails and a path that is missing are warnings, and the teardown goes on.
 */
final class AroundStop {

    /** How long a preStop command may run: the teardown must not hang with it. */
    static final Duration PRE_STOP_LIMIT = Duration.ofMinutes(1);

    private final Engine engine;
    private final Console console;

    AroundStop(Engine engine, Console console) {
        this.engine = engine;
        this.console = console;
    }

    /**
     * Runs the preStop commands in order, their output marked as exec output of the container: into {@code log}, the
     * container's followed output, or on the console when it is not followed.
     */
    void beforeStop(Started container, Optional<Consumer<LogLine>> log) {
        Consumer<LogLine> output = log.orElse(line -> console.info("[" + container.alias() + "] " + line.text()));
        for (Exec exec : container.hooks().preStop()) {
            ExecRun run = ExecRun.run(engine, container.id(), "preStop", exec, PRE_STOP_LIMIT, output);
            if (!run.succeeded()) {
                console.warn(run.failure("Container " + container.describe()) + "\nStopping it anyway.");
            }
        }
    }

    /** Copies each copyOut path to the host, once the container stopped. */
    void afterStop(Started container) {
        for (CopyEntry entry : container.hooks().copyOut()) {
            Path target = entry.hostTarget();
            try {
                engine.copyOut(container.id(), entry.from(), target);
                console.info("Copied " + entry.from() + " of " + container.describe() + " to " + target);
            } catch (EngineException.NotFound e) {
                console.warn("Container " + container.describe() + ": <copyOut> found no " + entry.from()
                        + " in the container; nothing was copied to " + target + ".");
            } catch (EngineException e) {
                console.warn("Container " + container.describe() + ": <copyOut> " + entry.describe() + " failed: "
                        + e.getMessage());
            }
        }
    }
}

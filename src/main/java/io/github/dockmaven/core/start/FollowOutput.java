package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerLog;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.RunRecord;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows the container's output into its {@link ContainerLog} and the output opened for its alias, on another thread:
 * the engine replays a container's output from its start, so no line is missed while the wait begins, and the first
 * stream of a build costs ~0.1s to set up. A stream that cannot be opened is reported, not a failure.
 */
final class FollowOutput implements ContainerStep {

    private static final Closeable NOTHING_TO_CLOSE = () -> {};

    private final Engine engine;
    private final Console console;
    private final Function<String, Consumer<LogLine>> outputs;
    private final RunRecord record;
    private final Executor executor;

    FollowOutput(
            Engine engine,
            Console console,
            Function<String, Consumer<LogLine>> outputs,
            RunRecord record,
            Executor executor) {
        this.engine = engine;
        this.console = console;
        this.outputs = outputs;
        this.record = record;
        this.executor = executor;
    }

    @Override
    public void run(Starting container) {
        Consumer<LogLine> output = outputs.apply(container.spec.alias());
        ContainerLog log = new ContainerLog(output);
        container.log = log;
        String id = container.id();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        CompletableFuture<Closeable> stream = new CompletableFuture<>();
        // recorded before the stream opens: a stop that comes first still finds the container's log
        record.addFollower(id, stream, ended, log);
        CompletableFuture.runAsync(
                () -> {
                    try {
                        stream.complete(engine.followLogs(id, log, () -> {
                            log.ended();
                            if (output instanceof Closeable closeable) {
                                closeQuietly(closeable);
                            }
                            ended.complete(null);
                        }));
                    } catch (EngineException.NotFound gone) {
                        // removed from outside: the wait says so
                        stream.complete(NOTHING_TO_CLOSE);
                        ended.complete(null);
                    } catch (RuntimeException e) {
                        console.warn("Could not follow the output of " + container.created.describe() + ": "
                                + e.getMessage());
                        stream.complete(NOTHING_TO_CLOSE);
                        ended.complete(null);
                    }
                },
                executor);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing a log stream or file that is already gone is fine.
        }
    }
}

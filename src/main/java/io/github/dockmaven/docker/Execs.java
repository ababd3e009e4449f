package io.github.dockmaven.docker;

import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs commands inside a running container: create the exec, attach to its output on the client without response
 * timeout (a command may run for long), then ask for its exit code. See {@link io.github.dockmaven.core.Engine#exec}.
 */
final class Execs {

    /** How often the exit code is asked for once the output ended, and how many times: the engine sets it just after. */
    private static final Duration EXIT_CODE_POLL = Duration.ofMillis(50);

    private static final int EXIT_CODE_TRIES = 40;

    private final EngineClients clients;

    Execs(EngineClients clients) {
        this.clients = clients;
    }

    /**
     * Runs {@code argv} in container {@code id}; returns its exit code. Past {@code limit} the output is no longer read
     * and {@link EngineException.TimedOut} thrown: the engine has no call to end an exec, so the command is left to the
     * container.
     */
    int run(String id, List<String> argv, Duration limit, Consumer<LogLine> output) {
        String attempt = "Could not run '" + String.join(" ", argv) + "' in container " + Ids.shortId(id);
        String execId = clients.request(attempt, c -> c.execCreateCmd(id)
                .withCmd(argv.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId());
        LineAssembler lines = new LineAssembler(output);
        StreamCallback<Frame> attached = new StreamCallback<>() {
            @Override
            protected void handle(Frame frame) {
                LogLine.Stream stream = OutputFrames.streamOf(frame);
                if (stream != null) {
                    lines.accept(stream, frame.getPayload());
                }
            }

            @Override
            protected void ended() {
                lines.flush();
            }
        };
        boolean ended;
        try {
            clients.client(attempt, true).execStartCmd(execId).exec(attached);
            ended = attached.awaitEnd(limit); // Maven's interrupt (Ctrl+C) ends the wait too
        } catch (InterruptedException e) {
            attached.close();
            throw EngineClients.interrupted(attempt, e);
        } catch (RuntimeException e) {
            attached.close();
            throw clients.failure(attempt, e);
        }
        if (!ended) {
            attached.close();
            throw new EngineException.TimedOut(attempt + ": it had not ended after " + Durations.format(limit));
        }
        if (attached.failure() != null) {
            throw clients.failure(attempt, attached.failure());
        }
        return exitCode(attempt, execId);
    }

    private int exitCode(String attempt, String execId) {
        for (int tries = 1; ; tries++) {
            InspectExecResponse exec =
                    clients.request(attempt, c -> c.inspectExecCmd(execId).exec());
            if (!Boolean.TRUE.equals(exec.isRunning()) && exec.getExitCodeLong() != null) {
                return exec.getExitCodeLong().intValue();
            }
            if (tries == EXIT_CODE_TRIES) {
                throw new EngineException(attempt + ": its output ended, but the engine reports no exit code");
            }
            try {
                Thread.sleep(EXIT_CODE_POLL.toMillis());
            } catch (InterruptedException e) {
                throw EngineClients.interrupted(attempt, e);
            }
        }
    }
}

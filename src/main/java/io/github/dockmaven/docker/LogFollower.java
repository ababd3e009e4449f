package io.github.dockmaven.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.LogLine;
import java.io.Closeable;
import java.time.Duration;
import java.util.function.Consumer;

/** Follows a container's output, on the client without response timeout: a quiet container is not a dead engine. */
final class LogFollower {

    /** How long following a container's output waits for the engine to take the request before going on. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(1);

    private final EngineClients clients;

    LogFollower(EngineClients clients) {
        this.clients = clients;
    }

    /** See {@link io.github.dockmaven.core.Engine#followLogs}. */
    Closeable follow(String id, Consumer<LogLine> sink, Runnable onEnd) {
        String attempt = "Could not follow the output of container " + Ids.shortId(id);
        LineAssembler lines = new LineAssembler(sink);
        StreamCallback<Frame> follower = new StreamCallback<>() {
            @Override
            protected void handle(Frame frame) {
                StreamType type = frame.getStreamType();
                if (type == StreamType.STDIN || frame.getPayload() == null) {
                    return;
                }
                // a container with a TTY has one RAW stream: it is its stdout
                lines.accept(
                        type == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, frame.getPayload());
            }

            @Override
            protected void ended() {
                try {
                    lines.flush();
                } finally {
                    onEnd.run();
                }
            }
        };
        try {
            // an unknown container fails here, instead of silently never producing a line
            EngineQuirks.inspectAcrossExit(clients, attempt, id);
            clients.client(attempt, true)
                    .logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withSince(0)
                    .exec(follower);
        } catch (RuntimeException e) {
            follower.close();
            throw clients.failure(attempt, e);
        }
        try {
            // docker-java sends the request on its own thread; a refusal arrives at once. Podman sends no answer at
            // all before the container's first line of output, so a quiet container is no reason to wait longer.
            follower.awaitStartOrEnd(ANSWER_WAIT);
        } catch (InterruptedException e) {
            follower.close();
            throw EngineClients.interrupted(attempt, e);
        }
        if (follower.failure() != null) {
            throw clients.failure(attempt, follower.failure());
        }
        return follower::close;
    }
}

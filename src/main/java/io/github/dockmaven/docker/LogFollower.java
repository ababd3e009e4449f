package io.github.dockmaven.docker;

import com.github.dockerjava.api.model.Frame;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.LogLine;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
                LogLine.Stream stream = OutputFrames.streamOf(frame);
                if (stream != null) {
                    lines.accept(stream, frame.getPayload());
                }
            }

            @Override
            protected void ended() {
                try {
                    // the engine ended the stream: the container's output is complete (not when closed or failed)
                    if (!isClosed() && failure() == null) {
                        recoverDroppedEnding(id, lines);
                    }
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

    /**
     * Reads the last entries of a container's output once more, without following, and passes on an unterminated end
     * that the followed stream did not deliver. Docker ends a followed stream without the rest of the output after its
     * last newline when the container exits (moby/moby#43860: most of the time, here), although it logged it: the last
     * words of a failing container, such as an error printed without a newline. One entry per stream at most can be
     * that rest, hence two. Best effort: the container may be gone already, and then what was followed stands.
     */
    private void recoverDroppedEnding(String id, LineAssembler lines) {
        String attempt = "Could not read the end of the output of container " + Ids.shortId(id);
        List<Frame> tail = new CopyOnWriteArrayList<>();
        StreamCallback<Frame> reader = new StreamCallback<>() {
            @Override
            protected void handle(Frame frame) {
                tail.add(frame);
            }
        };
        try {
            clients.client(attempt, false)
                    .logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(2)
                    .exec(reader);
            clients.awaitStream(attempt, reader);
        } catch (RuntimeException unreadable) {
            reader.close();
            return;
        }
        if (reader.failure() != null) {
            return;
        }
        for (Frame frame : tail) {
            LogLine.Stream stream = OutputFrames.streamOf(frame);
            if (stream != null) {
                lines.acceptDroppedEnding(stream, frame.getPayload());
            }
        }
    }
}

package io.github.dockmaven.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The output around the graceful stop of a run's containers, into the logs the run follows: {@code preStop} output is
 * written there as {@code postStart}'s was, and each stopped container's stream is left to end by itself (at most
 * {@code limit}) so that what it printed while stopping is there too.
 */
final class FollowedStopOutput implements StopOutput {

    private final RunRecord record;
    private final Executor executor;
    private final Duration limit;

    FollowedStopOutput(RunRecord record, Executor executor, Duration limit) {
        this.record = record;
        this.executor = executor;
        this.limit = limit;
    }

    @Override
    public Optional<Consumer<LogLine>> log(Started container) {
        return record.followedLog(container.id());
    }

    @Override
    public void stopped(Started container) {
        record.finishFollowing(container.id(), executor, limit);
    }

    @Override
    public void killing(Started container) {
        record.closeFollowing(container.id(), executor, limit);
    }
}

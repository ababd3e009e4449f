package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerOutput;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.RunRecord;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.plugin.logging.Log;

/**
 * The containers of one {@code run} execution, started in the background when the project's build began: the plan
 * they were started with, the start under way (or its outcome), its held log lines and container outputs, and who
 * removes them if {@code run} never takes them.
 */
final class EarlyStart {

    private final Plan plan;
    private final Future<RunRecord> started;
    private final AtomicBoolean cancelled;
    private final HeldLog log;
    private final List<ContainerOutput> outputs;
    private final Removal removal;

    /** How a run that {@code run} did not take is removed, as {@code run}'s own would be after a failure. */
    interface Removal {
        void remove(RunRecord record, Console console);
    }

    /** @param cancelled set to make the start give up: what it created so far is then removed by the start itself */
    EarlyStart(
            Plan plan,
            Future<RunRecord> started,
            AtomicBoolean cancelled,
            HeldLog log,
            List<ContainerOutput> outputs,
            Removal removal) {
        this.plan = plan;
        this.started = started;
        this.cancelled = cancelled;
        this.log = log;
        this.outputs = outputs;
        this.removal = removal;
    }

    /** The plan the containers were started with. */
    Plan plan() {
        return plan;
    }

    /**
     * Takes the early start over for {@code run}: its held lines are written to {@code runLog}, its container outputs
     * move to their log files, and the start is waited for.
     *
     * @return the run record, as {@code run}'s own start would have returned it
     * @throws RuntimeException what the start failed with, as {@code run}'s own start would have thrown it
     */
    RunRecord join(Log runLog) {
        releaseOutput(runLog);
        return outcome();
    }

    /**
     * Removes what was started, once the start has ended (a start under way gives up at once), reported on {@code
     * runLog}; the lines of the start are dropped ({@code run} starts the containers again and reports that), the
     * containers' output kept in its files.
     */
    void discard(Log runLog) {
        drop();
        removeWhenStarted(new MavenConsole(runLog));
    }

    /**
     * Removes what was started when {@code run} will not take it (the project's build ended before {@code run}), once
     * the start has ended (a start under way gives up at once), reported at once on Maven's log; the lines of the
     * start are dropped, the containers' output kept in its files.
     */
    void abandon() {
        drop();
        removeWhenStarted(new MavenConsole(log.live()));
    }

    /** Stops the start where it is (waits end, nothing more is created) and forgets what it would have said. */
    private void drop() {
        cancelled.set(true);
        log.drop();
        outputs.forEach(ContainerOutput::release);
    }

    private void releaseOutput(Log target) {
        log.release(target);
        outputs.forEach(ContainerOutput::release);
    }

    private void removeWhenStarted(Console console) {
        RunRecord record;
        try {
            record = outcome();
        } catch (RuntimeException stopped) {
            // a start that failed or gave up removed what it had created; its own lines were dropped
            console.info("The early start had not finished; what it had created is removed");
            return;
        }
        removal.remove(record, console);
    }

    private RunRecord outcome() {
        return Joined.outcome(started, "the containers started early got ready");
    }
}

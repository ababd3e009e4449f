package io.github.dockmaven.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@link Exec} run inside a container ({@code <postStart>} or {@code <preStop>}), its output passed on marked as
 * exec output: the command as a line {@code [exec] $ <command>}, then each line of its output as {@code [exec]
 * <line>}, so that it stands apart from the container's own output in the console and the log file. The last lines are
 * kept for the message of a failure.
 */
public final class ExecRun {

    /** What starts every line of exec output. */
    public static final String MARK = "[exec] ";

    /** How many lines of its output a failure message shows. */
    static final int TAIL = 10;

    private final String element;
    private final Exec exec;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Duration limit;
    private int exitCode = -1;
    private String engineFailure;
    private boolean timedOut;

    private ExecRun(String element, Exec exec, Duration limit) {
        this.element = element;
        this.exec = exec;
        this.limit = limit;
    }

    /**
     * Runs {@code exec} in container {@code id}; an engine that cannot run it counts as a failure of the command.
     *
     * @param element the element it comes from, {@code postStart} or {@code preStop}, for messages
     * @param limit how long it may run; then it counts as failed, and is left to the container
     */
    public static ExecRun run(
            Engine engine, String id, String element, Exec exec, Duration limit, Consumer<LogLine> output) {
        ExecRun run = new ExecRun(element, exec, limit);
        output.accept(new LogLine(LogLine.Stream.STDOUT, MARK + "$ " + exec.display()));
        try {
            run.exitCode = engine.exec(id, exec.argv(), limit, line -> {
                run.keep(line.text());
                output.accept(new LogLine(line.stream(), MARK + line.text()));
            });
        } catch (EngineException.TimedOut e) {
            run.timedOut = true;
        } catch (EngineException e) {
            run.engineFailure = e.getMessage();
        }
        return run;
    }

    /** Whether the command was still running when its time was up. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Whether the command ran and exited 0. */
    public boolean succeeded() {
        return engineFailure == null && !timedOut && exitCode == 0;
    }

    /**
     * What went wrong, naming {@code subject} (the container), the element, the command, the exit code and the last
     * lines of its output: {@code Container 'db' (...): <postStart> command 'sh -c 'exit 4'' exited with code 4. ...}.
     */
    public String failure(String subject) {
        String command = subject + ": <" + element + "> command '" + exec.display() + "'";
        if (engineFailure != null) {
            return command + " could not be run: " + engineFailure;
        }
        if (timedOut) {
            return command + " had not ended after " + Durations.format(limit) + "." + tailText();
        }
        String why = exitCode == 126 || exitCode == 127
                ? " could not be run (exit code " + exitCode + "): the program is not in the image, or not executable."
                : " exited with code " + exitCode + ".";
        return command + why + tailText();
    }

    private synchronized void keep(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL) {
            tail.removeFirst();
        }
    }

    private synchronized String tailText() {
        if (tail.isEmpty()) {
            return " It printed no output.";
        }
        StringBuilder sb = new StringBuilder(
                tail.size() == 1 ? " Last line of its output:" : " Last " + tail.size() + " lines of its output:");
        List.copyOf(tail).forEach(line -> sb.append("\n  | ").append(line));
        return sb.toString();
    }
}

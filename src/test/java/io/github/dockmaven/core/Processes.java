package io.github.dockmaven.core;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Real processes for tests that ask whether an owner lives: one that ran and ended, one that runs. */
public final class Processes {

    private Processes() {}

    /** The pid of a process that has ended (and was reaped). */
    public static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("true did not end");
        }
        long pid = process.pid();
        if (ProcessHandle.of(pid).isPresent()) {
            throw new IllegalStateException("pid " + pid + " was reused at once");
        }
        return pid;
    }

    /** A process that sleeps until destroyed. */
    public static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "600").start();
    }
}

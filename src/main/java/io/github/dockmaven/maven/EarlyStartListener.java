package io.github.dockmaven.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Maven's execution listener, with the early start's part added: a project's containers start when its build begins,
 * and those {@code run} did not take are removed when its build ends. Every event goes on to the listener it replaced.
 */
final class EarlyStartListener extends ForwardingExecutionListener {

    private final EarlyLauncher launcher;

    /** @param next the listener this one replaces, or null (an embedded Maven may have none) */
    EarlyStartListener(ExecutionListener next, EarlyLauncher launcher) {
        super(next);
        this.launcher = launcher;
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        next.projectStarted(event);
        launcher.projectStarted(event.getSession());
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        launcher.projectEnded(event.getSession(), false);
        next.projectSucceeded(event);
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        launcher.projectEnded(event.getSession(), true);
        next.projectFailed(event);
    }
}

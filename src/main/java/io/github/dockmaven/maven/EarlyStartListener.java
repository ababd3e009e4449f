package io.github.dockmaven.maven;

import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Maven's execution listener, with the early start's part added: a project's containers start when its build begins,
 * and those {@code run} did not take are removed when its build ends. Every event goes on to the listener it replaced.
 */
final class EarlyStartListener implements ExecutionListener {

    private final ExecutionListener next;
    private final EarlyLauncher launcher;

    /** @param next the listener this one replaces, or null (an embedded Maven may have none) */
    EarlyStartListener(ExecutionListener next, EarlyLauncher launcher) {
        this.next = next == null ? new AbstractExecutionListener() : next;
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

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        next.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        next.sessionStarted(event);
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        next.sessionEnded(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        next.projectSkipped(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        next.mojoSkipped(event);
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        next.mojoStarted(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        next.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        next.mojoFailed(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        next.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        next.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        next.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        next.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        next.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        next.forkedProjectFailed(event);
    }
}

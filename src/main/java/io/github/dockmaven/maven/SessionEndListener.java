package io.github.dockmaven.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Maven's execution listener, with the session's end added for a plugin that is not a build extension: what the build
 * left is removed when Maven's session ends (a build that failed between {@code run} and {@code stop}), before Maven
 * prints its result and while the plugin's class realm is still open. Every event goes on to the listener it replaced.
 */
final class SessionEndListener extends ForwardingExecutionListener {

    /** @param next the listener this one replaces, or null (an embedded Maven may have none) */
    SessionEndListener(ExecutionListener next) {
        super(next);
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        try {
            SessionRegistry.ifPresent(event.getSession(), BuildSession::end);
        } finally {
            next.sessionEnded(event);
        }
    }
}

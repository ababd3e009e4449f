package io.github.dockmaven.maven;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * The {@link BuildSession} of each Maven session in this JVM: one per {@code mvn} invocation, shared by every
 * execution and module, and forgotten with the session's request (an embedded Maven may run several in one JVM).
 */
final class SessionRegistry {

    private static final Map<MavenExecutionRequest, BuildSession> SESSIONS = new WeakHashMap<>();

    private SessionRegistry() {}

    static BuildSession of(MavenSession session) {
        synchronized (SESSIONS) {
            return SESSIONS.computeIfAbsent(session.getRequest(), r -> new BuildSession());
        }
    }
}

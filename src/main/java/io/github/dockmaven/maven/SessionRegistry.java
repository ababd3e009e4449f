package io.github.dockmaven.maven;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
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

    /** Gives the session's {@link BuildSession} to {@code action}, if the plugin kept one for it. */
    static void ifPresent(MavenSession session, Consumer<BuildSession> action) {
        BuildSession build;
        synchronized (SESSIONS) {
            build = SESSIONS.get(session.getRequest());
        }
        if (build != null) {
            action.accept(build);
        }
    }
}

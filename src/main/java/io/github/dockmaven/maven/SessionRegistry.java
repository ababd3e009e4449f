package io.github.dockmaven.maven;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
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
    /** The sessions whose end the plugin hears: as a build extension, or through a {@link SessionEndListener}. */
    private static final Set<MavenExecutionRequest> END_HEARD = Collections.newSetFromMap(new WeakHashMap<>());

    private SessionRegistry() {}

    static BuildSession of(MavenSession session) {
        synchronized (SESSIONS) {
            return SESSIONS.computeIfAbsent(session.getRequest(), r -> new BuildSession());
        }
    }

    /**
     * The plugin is a build extension in this session: it hears the session's end itself ({@link
     * EarlyStartParticipant#afterSessionEnd}). Nothing is created here: a skipped build pays for nothing.
     */
    static void endWillBeHeard(MavenSession session) {
        synchronized (SESSIONS) {
            END_HEARD.add(session.getRequest());
        }
    }

    /**
     * Makes sure {@link BuildSession#end()} runs when the session ends, before Maven closes the plugin's class realm:
     * where the plugin is not a build extension, by taking the place of Maven's execution listener, once per session.
     */
    static void hearEnd(MavenSession session) {
        MavenExecutionRequest request = session.getRequest();
        synchronized (SESSIONS) {
            if (END_HEARD.add(request)) {
                request.setExecutionListener(new SessionEndListener(request.getExecutionListener()));
            }
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

package io.github.dockmaven.maven;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * What the plugin does as a build extension ({@code <extensions>true</extensions>}): it listens to the build, so that
 * each project's containers start when that project's build begins (see {@link EarlyLauncher}), and removes what the
 * build started when the session ends, also where the JVM goes on (the Maven daemon).
 */
@Named("dock-early-start")
@Singleton
public class EarlyStartParticipant extends AbstractMavenLifecycleParticipant {

    private final EarlyLauncher launcher;

    @Inject
    EarlyStartParticipant(EarlyLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void afterProjectsRead(MavenSession session) {
        MavenExecutionRequest request = session.getRequest();
        ExecutionListener current = request.getExecutionListener();
        if (!(current instanceof EarlyStartListener)) {
            request.setExecutionListener(new EarlyStartListener(current, launcher));
        }
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        launcher.sessionEnded(session);
    }
}

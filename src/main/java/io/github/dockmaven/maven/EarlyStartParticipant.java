package io.github.dockmaven.maven;

import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MavenPluginManager;

/**
 * What the plugin does as a build extension ({@code <extensions>true</extensions>}): it listens to the build, so that
 * each project's containers start when that project's build begins (see {@link EarlyLauncher}), and removes what the
 * build started when the session ends, also where the JVM goes on (the Maven daemon). Registered, with what Maven
 * injects into its fields, in {@code META-INF/plexus/components.xml}.
 */
public class EarlyStartParticipant extends AbstractMavenLifecycleParticipant {

    private LifecycleExecutor lifecycle;
    private BuildPluginManager plugins;
    private MavenPluginManager mojos;

    @Override
    public void afterProjectsRead(MavenSession session) {
        SessionRegistry.endWillBeHeard(session);
        MavenExecutionRequest request = session.getRequest();
        ExecutionListener current = request.getExecutionListener();
        if (!(current instanceof EarlyStartListener)) {
            request.setExecutionListener(new EarlyStartListener(current, new EarlyLauncher(lifecycle, plugins, mojos)));
        }
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        SessionRegistry.ifPresent(session, BuildSession::end);
    }
}

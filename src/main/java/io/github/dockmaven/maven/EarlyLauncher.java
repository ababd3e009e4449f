package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.EngineException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a project's containers when its build begins, one project at a time (a reactor of twenty modules does not
 * start twenty modules' containers at once): for each lifecycle {@code run} execution in Maven's own execution plan of
 * the project, configured as Maven will configure it, unless it is skipped ({@code dock.skip}, {@code skipITs}, {@code
 * skipTests}, {@code maven.test.skip}, its {@code <skip>}) or its {@code early} ({@code dock.early}) is {@code false}. A build that does
 * not reach {@code pre-integration-test} ({@code mvn test}, {@code mvn package}) has no such execution in its plan and
 * starts nothing. When the project's build ends, what {@code run} did not take is removed.
 */
final class EarlyLauncher {

    private static final String GROUP_ID = "io.github.dockmaven";
    private static final String ARTIFACT_ID = "dock-maven-plugin";
    private static final Logger LOG = LoggerFactory.getLogger(EarlyLauncher.class);

    private final LifecycleExecutor lifecycle;
    private final BuildPluginManager plugins;
    private final MavenPluginManager mojos;

    EarlyLauncher(LifecycleExecutor lifecycle, BuildPluginManager plugins, MavenPluginManager mojos) {
        this.lifecycle = lifecycle;
        this.plugins = plugins;
        this.mojos = mojos;
    }

    /** The build of the session's current project began: starts its {@code run} executions' containers. */
    void projectStarted(MavenSession session) {
        MavenProject project = session.getCurrentProject();
        if (project == null || !declaresRun(project)) {
            return;
        }
        // what skips every execution costs no plan: a skipped plugin is to cost the build next to nothing
        String skip = BuildFlags.isSet(session, project, "dock.skip")
                ? "dock.skip is set"
                : BuildFlags.testSkipReason(session, project);
        if (skip != null) {
            LOG.debug("Not starting the containers of {} early: {}", project.getArtifactId(), skip);
            return;
        }
        for (MojoExecution execution : plannedRuns(session, project)) {
            launch(session, execution);
        }
    }

    /** The build of the session's current project ended: removes what was started early and not taken by {@code run}. */
    void projectEnded(MavenSession session, boolean failed) {
        MavenProject project = session.getCurrentProject();
        if (project == null || !declaresRun(project)) {
            return;
        }
        List<EarlyStart> untaken = SessionRegistry.of(session)
                .earlyStarts()
                .takeAll(ProjectIdentity.of(session, project).id());
        if (untaken.isEmpty()) {
            return;
        }
        if (failed) {
            LOG.warn(
                    "The build of {} failed before dock:run: removing the containers started early",
                    project.getArtifactId());
        } else {
            LOG.debug("dock:run did not run for {}: removing the containers started early", project.getArtifactId());
        }
        untaken.forEach(EarlyStart::abandon);
    }

    private static boolean declaresRun(MavenProject project) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (GROUP_ID.equals(plugin.getGroupId())
                    && ARTIFACT_ID.equals(plugin.getArtifactId())
                    && plugin.getExecutions().stream()
                            .anyMatch(e -> e.getGoals().contains("run"))) {
                return true;
            }
        }
        return false;
    }

    /** The lifecycle {@code run} executions of the project's execution plan for the goals of this build. */
    private List<MojoExecution> plannedRuns(MavenSession session, MavenProject project) {
        List<MojoExecution> runs = new ArrayList<>();
        try {
            for (MojoExecution execution : lifecycle
                    .calculateExecutionPlan(session, session.getGoals().toArray(String[]::new))
                    .getMojoExecutions()) {
                if (execution.getSource() == MojoExecution.Source.LIFECYCLE
                        && RunMojo.class
                                .getName()
                                .equals(execution.getMojoDescriptor().getImplementation())) {
                    runs.add(execution);
                }
            }
        } catch (Exception e) {
            // Maven reads the plan itself next, and reports what is wrong with it
            LOG.debug(
                    "Not starting the containers of {} early: its build plan cannot be read: {}",
                    project.getArtifactId(),
                    e.toString());
            return List.of();
        }
        return runs;
    }

    private void launch(MavenSession session, MojoExecution execution) {
        String id = execution.getExecutionId();
        Object mojo = null;
        try {
            plugins.getPluginRealm(session, execution.getMojoDescriptor().getPluginDescriptor());
            mojo = mojos.getConfiguredMojo(Mojo.class, session, execution);
            if (!(mojo instanceof RunMojo run)) {
                LOG.debug(
                        "Not starting execution '{}' early: dock:run comes from another class realm than the"
                                + " extension",
                        id);
                return;
            }
            String skip = run.early ? run.skipReason() : "dock.early is false";
            if (skip != null) {
                LOG.debug("Not starting execution '{}' early: {}", id, skip);
                return;
            }
            EarlyStart start = run.startEarly();
            if (start != null) {
                SessionRegistry.of(session).earlyStarts().put(run.projectId(), id, start);
            }
        } catch (BuildFailure | EngineException e) {
            LOG.debug("Not starting execution '{}' early: {}", id, e.getMessage());
        } catch (Exception e) {
            // dock:run configures itself next, and reports what is wrong
            LOG.debug("Not starting execution '{}' early: its configuration cannot be read here: {}", id, e.toString());
        } finally {
            if (mojo != null) {
                mojos.releaseMojo(mojo, execution);
            }
        }
    }
}

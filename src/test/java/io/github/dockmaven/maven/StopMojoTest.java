package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.StopHooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code dock:stop} is wired into Maven, through the plugin testing harness: the skip flags come first, a stop
 * with nothing to stop, or with {@code dock.keep}, needs no engine, and which runs a stop takes on.
 */
@MojoTest
@MojoParameter(name = "dockerHost", value = MojoTests.NO_ENGINE)
class StopMojoTest {

    private final RecordingLog log = new RecordingLog();

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @Provides
    Log log() {
        return log;
    }

    @BeforeEach
    void nameTheProject() {
        project.setGroupId("com.example");
        project.setArtifactId("shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"skipITs", "skipTests", "maven.test.skip"})
    @InjectMojo(goal = "stop")
    void stopSkipsWhenFailsafeWouldSkipTheTests(String property, StopMojo mojo) throws Exception {
        session.getUserProperties().setProperty(property, "true");

        mojo.execute();

        assertThat(log.lines()).containsExactly("[INFO] Skipping dock:stop: " + property + " is set");
    }

    @Test
    @InjectMojo(goal = "stop")
    void stopInTheLifecycleAfterARunThatStartedNothingSaysSoAndTouchesNoEngine(StopMojo mojo) throws Exception {
        mojo.execute();

        assertThat(log.lines())
                .containsExactly(
                        "[INFO] Nothing to stop: dock:run started no containers for com.example:shop in this build");
    }

    @Test
    @InjectMojo(goal = "stop")
    @MojoParameter(name = "keep", value = "true")
    void stopWithDockKeepLeavesTheContainersRunStartedAndTouchesNoEngine(StopMojo mojo) throws Exception {
        List<RunRecord> runs =
                runs(mojo, run("default", "db", "3f2a1c9b04de5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"));

        mojo.execute();

        assertThat(log.lines())
                .containsExactly("[INFO] Keeping 1 container ('db' (postgres:16, 3f2a1c9b04de)) (dock.keep is set);"
                        + " remove them with mvn dock:remove");
        assertThat(runs).isEmpty();
    }

    /**
     * Which runs a {@code stop} stops: those of its own execution, and those of run executions without a stop of their
     * own. With {@code dock.keep} the ones it would stop are named in the log and no engine is needed.
     */
    @Nested
    class WhichRunsAStopStops {

        private final RunRecord first = run("first", "db", "a1".repeat(32));
        private final RunRecord second = run("second", "cache", "b2".repeat(32));
        private final RunRecord runOnly = run("run-only", "queue", "c3".repeat(32));

        @BeforeEach
        void declareTheExecutions() {
            Plugin plugin = new Plugin();
            plugin.setGroupId("io.github.dockmaven");
            plugin.setArtifactId("dock-maven-plugin");
            plugin.addExecution(execution("first", "run", "stop"));
            plugin.addExecution(execution("second", "run", "stop"));
            plugin.addExecution(execution("run-only", "run"));
            project.getBuild().addPlugin(plugin);
        }

        @Test
        @InjectMojo(goal = "stop")
        @MojoParameter(name = "keep", value = "true")
        void aStopTakesTheRunsOfItsOwnExecutionAndOfThoseWithoutAStopButNotAnotherStopsRuns(StopMojo mojo)
                throws Exception {
            List<RunRecord> runs = runs(asExecution(mojo, "first"), first, second, runOnly);

            mojo.execute();

            assertThat(log.lines())
                    .containsExactly(
                            "[INFO] Keeping 1 container ('db' (postgres:16, a1a1a1a1a1a1)) (dock.keep is set); remove"
                                    + " them with mvn dock:remove",
                            "[INFO] Keeping 1 container ('queue' (postgres:16, c3c3c3c3c3c3)) (dock.keep is set);"
                                    + " remove them with mvn dock:remove");
            assertThat(runs).containsExactly(second);
        }

        @Test
        @InjectMojo(goal = "stop")
        @MojoParameter(name = "keep", value = "true")
        void aStopWhoseRunsAreGoneLeavesTheRunsOfAnotherExecutionWithAStopOfItsOwn(StopMojo mojo) throws Exception {
            List<RunRecord> runs = runs(asExecution(mojo, "first"), second);

            mojo.execute();

            assertThat(log.lines())
                    .containsExactly("[INFO] Nothing to stop for execution 'first': the runs of com.example:shop still"
                            + " up belong to executions with a stop of their own");
            assertThat(runs).containsExactly(second);
        }

        @Test
        @InjectMojo(goal = "stop")
        @MojoParameter(name = "keep", value = "true")
        void aStopOfAnExecutionWithoutARunTakesOnlyTheRunsOfExecutionsWithoutAStop(StopMojo mojo) throws Exception {
            List<RunRecord> runs = runs(asExecution(mojo, "stop-only"), first, runOnly);

            mojo.execute();

            assertThat(log.lines())
                    .containsExactly("[INFO] Keeping 1 container ('queue' (postgres:16, c3c3c3c3c3c3)) (dock.keep is"
                            + " set); remove them with mvn dock:remove");
            assertThat(runs).containsExactly(first);
        }

        private PluginExecution execution(String id, String... goals) {
            PluginExecution execution = new PluginExecution();
            execution.setId(id);
            execution.setGoals(List.of(goals));
            return execution;
        }

        /** The stop as Maven runs it for the execution with this id. */
        private StopMojo asExecution(StopMojo mojo, String id) {
            mojo.mojoExecution = new MojoExecution(mojo.mojoExecution.getMojoDescriptor(), id);
            return mojo;
        }
    }

    /** A run of dock:run in the given execution that started one container. */
    private static RunRecord run(String execution, String alias, String id) {
        RunRecord run = new RunRecord(
                new Scope("com.example:shop", "shop", "session", execution, Labels.MODE_LIFECYCLE, "owner"));
        run.addContainer(new Started(
                alias,
                "postgres:16",
                id,
                "shop-" + alias,
                Map.of("5432/tcp", 32771),
                "172.18.0.2",
                StopMode.STOP,
                Duration.ofSeconds(3),
                List.of(),
                StopHooks.NONE));
        return run;
    }

    /** Hands the runs to the stop as dock:run does, through the plugin context; the list the stop changes. */
    private static List<RunRecord> runs(StopMojo mojo, RunRecord... records) {
        List<RunRecord> runs = new ArrayList<>(List.of(records));
        Map<String, Object> context = new HashMap<>();
        context.put(RunMojo.RUNS, runs);
        mojo.setPluginContext(context);
        return runs;
    }

    /** {@code -Ddock.skip=true}: a user property, so it must be there before the harness configures the Mojo. */
    @Nested
    class WithDockSkipSet {

        @BeforeEach
        void setDockSkip() {
            session.getUserProperties().setProperty("dock.skip", "true");
        }

        @Test
        @InjectMojo(goal = "stop")
        void stopSkipsWhenDockSkipIsSet(StopMojo mojo) throws Exception {
            mojo.execute();

            assertThat(log.lines()).containsExactly("[INFO] Skipping dock:stop: dock.skip is set");
        }
    }
}

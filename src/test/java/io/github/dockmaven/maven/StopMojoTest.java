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
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code dock:stop} is wired into Maven, through the plugin testing harness: the skip flags come first, and a stop
 * with nothing to stop, or with {@code dock.keep}, needs no engine.
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
        RunRecord run = new RunRecord(
                new Scope("com.example:shop", "shop", "session", "default", Labels.MODE_LIFECYCLE, "owner"));
        run.addContainer(new Started(
                "db",
                "postgres:16",
                "3f2a1c9b04de5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
                "shop-db",
                Map.of("5432/tcp", 32771),
                "172.18.0.2",
                StopMode.STOP,
                Duration.ofSeconds(3),
                List.of(),
                StopHooks.NONE));
        List<RunRecord> runs = new ArrayList<>(List.of(run));
        Map<String, Object> context = new HashMap<>();
        context.put(RunMojo.RUNS, runs);
        mojo.setPluginContext(context);

        mojo.execute();

        assertThat(log.lines())
                .containsExactly("[INFO] Keeping 1 container ('db' (postgres:16, 3f2a1c9b04de)) (dock.keep is set);"
                        + " remove them with mvn dock:remove");
        assertThat(runs).isEmpty();
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

package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.it.DockerCli;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real {@code mvn verify} builds of {@code src/test/resources/projects/early-dying-build} (the plugin a build extension,
 * db with a named volume and app depending on it started early, a unit test that holds once they run), interrupted or
 * killed while the unit tests run, long before {@code dock:run}: what was started early is removed as what {@code run}
 * started is ({@link WhenABuildDiesIT}).
 */
class WhenAnEarlyBuildDiesIT {

    private static final String GROUP = "io.github.dockmaven.it:";
    private static final Duration TO_START = Duration.ofSeconds(120);

    @Test
    void sigintWhileUnitTestsRunWithEarlyContainersRemovesEverythingBeforeMavenExits() throws Exception {
        String artifactId = "early-dying-build-sigint";
        String project = GROUP + artifactId;
        try (MavenBuild build = MavenBuild.start(MavenBuild.copy("early-dying-build", artifactId), "verify")) {
            ProcessHandle watchdog = awaitEarlyContainers(build, project);

            build.signal("INT");
            build.awaitExit(Duration.ofSeconds(30));

            DyingBuildChecks.removedByTheShutdownHook(build, project, watchdog);
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void sigkillWhileUnitTestsRunWithEarlyContainersRemovesEverything() throws Exception {
        String artifactId = "early-dying-build-sigkill";
        String project = GROUP + artifactId;
        try (MavenBuild build = MavenBuild.start(MavenBuild.copy("early-dying-build", artifactId), "verify")) {
            ProcessHandle watchdog = awaitEarlyContainers(build, project);

            build.signal("KILL");
            build.awaitExit(Duration.ofSeconds(10));

            Duration gone = DyingBuildChecks.removedByTheWatchdog(build, project, watchdog);
            System.out.println(
                    "SIGKILL of an early start: everything removed " + gone.toMillis() + " ms after Maven died");
        } finally {
            DockerCli.removeAll(project);
        }
    }

    /**
     * Waits until the unit test saw db and app running and app answering; checks that they, the network and the volume
     * exist while {@code run} has not reported anything yet, and returns the build's watchdog.
     */
    private static ProcessHandle awaitEarlyContainers(MavenBuild build, String project) {
        build.awaitMarker("unit-tests-started", TO_START);
        DyingBuildChecks.bothContainersRun(project, "started early, while its unit tests run");
        // run replays the early start's lines when it joins it; the unit test holds, so run has not run
        assertThat(build.log()).contains("T E S T S").doesNotContain("Started 'db'");
        return build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));
    }
}

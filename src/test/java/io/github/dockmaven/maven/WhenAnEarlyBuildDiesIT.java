package io.github.dockmaven.maven;

import static io.github.dockmaven.it.DockerCli.awaitNone;
import static io.github.dockmaven.it.DockerCli.ofProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.it.DockerCli;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

            // the shutdown hook ran before the JVM exited: nothing to wait for
            assertThat(ofProject(project)).as("left after Maven exited").isEmpty();
            String log = build.log();
            assertThat(log)
                    .contains("[WARNING] Maven is exiting before dock:stop ran: killing and removing the 2 containers"
                            + " this build started, with its network and volumes");
            assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive())
                    .as("the watchdog outlived Maven")
                    .isFalse();
            assertThat(log).doesNotContain("[dock watchdog]");
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

            Duration gone = awaitNone(Duration.ofSeconds(15), "io.github.dockmaven.project=" + project);
            assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(build.log())
                    .containsPattern(
                            "\\[dock watchdog\\] Maven ended without dock:stop; removed what build \\w+ \\(Maven"
                                    + " process " + build.pid()
                                    + "\\) had started: 2 containers \\(.*\\), 1 network and 1"
                                    + " volume in ");
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
        assertThat(ofProject(project))
                .as("what the build started early, while its unit tests run")
                .hasSize(4)
                .anyMatch(r -> r.matches("container .*-db-\\w+ running"))
                .anyMatch(r -> r.matches("container .*-app-\\w+ running"))
                .anyMatch(r -> r.startsWith("network "))
                .anyMatch(r -> r.startsWith("volume "));
        // run replays the early start's lines when it joins it; the unit test holds, so run has not run
        assertThat(build.log()).contains("T E S T S").doesNotContain("Started 'db'");
        return build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));
    }
}

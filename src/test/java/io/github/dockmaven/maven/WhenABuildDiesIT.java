package io.github.dockmaven.maven;

import static io.github.dockmaven.it.DockerCli.awaitNone;
import static io.github.dockmaven.it.DockerCli.ofProject;
import static io.github.dockmaven.it.DockerCli.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.it.DockerCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real {@code mvn verify} builds of {@code src/test/resources/projects/dying-build} (db with a named volume, app
 * depending on it, a failsafe IT that holds until released), interrupted or killed at the worst moments: whatever
 * happens to Maven, nothing of the build may remain on the engine, and nothing of another build may be touched.
 */
class WhenABuildDiesIT {

    private static final String GROUP = "io.github.dockmaven.it:";
    private static final Duration TO_START = Duration.ofSeconds(120);

    @Test
    void sigintWhileTheTestsRunRemovesEverythingBeforeMavenExits() throws Exception {
        interruptedWhileTheTestsRun("INT", "dying-build-sigint");
    }

    @Test
    void sigtermWhileTheTestsRunRemovesEverythingBeforeMavenExits() throws Exception {
        interruptedWhileTheTestsRun("TERM", "dying-build-sigterm");
    }

    private void interruptedWhileTheTestsRun(String signal, String artifactId) throws Exception {
        String project = GROUP + artifactId;
        try (MavenBuild build = MavenBuild.start(MavenBuild.copy("dying-build", artifactId), "verify")) {
            build.awaitMarker("it-started", TO_START);
            DyingBuildChecks.bothContainersRun(project, "while its tests run");
            ProcessHandle watchdog = build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));

            build.signal(signal);
            build.awaitExit(Duration.ofSeconds(30));

            // Maven itself does not stop on a signal: the build goes on while the hook works, and its dock:stop may
            // remove part of it first; both take "already gone" as done
            DyingBuildChecks.removedByTheShutdownHook(build, project, watchdog);
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void aBuildThatFailsBetweenRunAndStopRemovesEverythingWhenTheSessionEnds() throws Exception {
        String project = GROUP + "dying-build-failing";
        // failsafe fails in integration-test when no test matches: stop (post-integration-test) never runs; what is
        // left is removed when the session ends, before Maven reports the error and closes the plugin's class realm
        try (MavenBuild build = MavenBuild.start(
                MavenBuild.copy("dying-build", "dying-build-failing"), "verify", "-Dit.test=NoSuchIT")) {
            assertThat(build.awaitExit(TO_START)).isEqualTo(1);

            assertThat(ofProject(project)).as("left after Maven exited").isEmpty();
            assertThat(build.log())
                    .contains("No tests matching pattern \"NoSuchIT\" were executed")
                    .contains("[WARNING] Maven is exiting before dock:stop ran: killing and removing the 2 containers"
                            + " this build started, with its network and volumes")
                    .containsPattern("\\[WARNING\\] Removed 2 containers \\('(db|app)' \\(dock-it/busybox:1,"
                            + " [0-9a-f]{12}\\), '(db|app)' \\(dock-it/busybox:1, [0-9a-f]{12}\\)\\), 1 network and 1"
                            + " volume of this build in ")
                    .doesNotContain("NoClassDefFoundError")
                    .doesNotContain("[dock watchdog]");
            assertThat(build.log().indexOf("[WARNING] Maven is exiting before dock:stop ran"))
                    .as("removed before Maven reported the error")
                    .isLessThan(build.log().indexOf("[ERROR] Failed to execute goal"));
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void sigkillWhileTheTestsRunRemovesEverythingWithinFifteenSeconds() throws Exception {
        String project = GROUP + "dying-build-sigkill";
        try (MavenBuild build = MavenBuild.start(MavenBuild.copy("dying-build", "dying-build-sigkill"), "verify")) {
            build.awaitMarker("it-started", TO_START);
            DyingBuildChecks.bothContainersRun(project, "while its tests run");
            ProcessHandle watchdog = build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));

            build.signal("KILL");
            build.awaitExit(Duration.ofSeconds(10));

            Duration gone = DyingBuildChecks.removedByTheWatchdog(build, project, watchdog);
            System.out.println("SIGKILL: everything removed " + gone.toMillis() + " ms after Maven died");
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void sigkillDuringRunBetweenTwoContainerStartsRemovesWhatWasCreated() throws Exception {
        String project = GROUP + "dying-build-in-run";
        // db takes 60 s to be ready, and app waits for it: Maven is killed while db runs and app does not exist yet
        try (MavenBuild build =
                MavenBuild.start(MavenBuild.copy("dying-build", "dying-build-in-run"), "verify", "-Ddb.delay=60")) {
            long deadline = System.nanoTime() + TO_START.toNanos();
            List<String> running = List.of();
            while (running.stream().noneMatch(r -> r.matches("container .*-db-\\w+ running"))) {
                assertThat(System.nanoTime()).as("db started").isLessThan(deadline);
                MavenBuild.sleep(100);
                running = ofProject(project);
            }
            assertThat(running)
                    .anyMatch(r -> r.startsWith("network "))
                    .anyMatch(r -> r.startsWith("volume "))
                    .noneMatch(r -> r.contains("-app-"));
            assertThat(build.log()).doesNotContain("Started 'db'");
            ProcessHandle watchdog = build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));

            build.signal("KILL");
            build.awaitExit(Duration.ofSeconds(10));

            awaitNone(Duration.ofSeconds(15), "io.github.dockmaven.project=" + project);
            // it reports once it has listed again for a while, in case a creation was still on its way
            assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(build.log())
                    .containsPattern(
                            "\\[dock watchdog\\] Maven ended without dock:stop; removed what build \\w+ \\(Maven"
                                    + " process " + build.pid()
                                    + "\\) had started: 1 container \\('db' \\(dock-it/busybox:1,"
                                    + " [0-9a-f]{12}\\)\\), 1 network and 1 volume in ");
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void killingOneOfTwoParallelBuildsOfAProjectLeavesTheOtherAlone() throws Exception {
        String artifactId = "dying-build-parallel";
        String project = GROUP + artifactId;
        Path first = MavenBuild.copy("dying-build", artifactId);
        Path second = MavenBuild.copy("dying-build", artifactId);
        try (MavenBuild killed = MavenBuild.start(first, "verify")) {
            killed.awaitMarker("it-started", TO_START);
            // started while the first one runs: its look for leftovers must not touch the live build
            try (MavenBuild survivor = MavenBuild.start(second, "verify")) {
                survivor.awaitMarker("it-started", TO_START);
                String survivorOwner = "io.github.dockmaven.owner=" + ownerOf(survivor);
                List<String> survivors = resources(survivorOwner);
                assertThat(survivors).hasSize(4).allMatch(r -> !r.startsWith("container") || r.endsWith(" running"));
                assertThat(ofProject(project)).hasSize(8);

                killed.signal("KILL");
                killed.awaitExit(Duration.ofSeconds(10));
                awaitNone(Duration.ofSeconds(15), "io.github.dockmaven.owner=" + ownerOf(killed));

                assertThat(resources(survivorOwner)).as("the live build's").isEqualTo(survivors);
                ProcessHandle watchdog =
                        survivor.watchdog().orElseThrow(() -> new AssertionError("the survivor has no watchdog"));
                survivor.release();
                assertThat(survivor.awaitExit(Duration.ofSeconds(60)))
                        .as("the survivor's exit code; its log:\n%s", survivor.log())
                        .isZero();
                assertThat(survivor.log())
                        .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0")
                        .containsPattern("Stopped and removed 'db' \\(dock-it/busybox:1, [0-9a-f]{12}\\)")
                        .contains("BUILD SUCCESS")
                        .doesNotContain("left behind")
                        .doesNotContain("[dock watchdog]");
                assertThat(ofProject(project)).isEmpty();
                assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive())
                        .as("the watchdog of a build that ended normally")
                        .isFalse();
            }
        } finally {
            DockerCli.removeAll(project);
        }
    }

    private static String ownerOf(MavenBuild build) throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName() + "/" + build.pid();
    }
}

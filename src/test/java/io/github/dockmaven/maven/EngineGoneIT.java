package io.github.dockmaven.maven;

import static io.github.dockmaven.it.DockerCli.awaitNone;
import static io.github.dockmaven.it.DockerCli.ofProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.it.DockerCli;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine goes away between {@code run} and {@code stop}, as in a daemon restart: seen through an {@link
 * EngineProxy} that cuts every connection and refuses new ones, then answers again. Clear messages, no hang, and
 * nothing left once the engine is back.
 */
class EngineGoneIT {

    private static final String GROUP = "io.github.dockmaven.it:";

    @Test
    void anEngineThatWentAwayAndCameBackBeforeStopIsCleanedUpByStop() throws Exception {
        String project = GROUP + "dying-build-engine-back";
        try (EngineProxy engine = EngineProxy.start();
                MavenBuild build = MavenBuild.start(
                        MavenBuild.copy("dying-build", "dying-build-engine-back"),
                        "verify",
                        "-Ddock.host=" + engine.host())) {
            build.awaitMarker("it-started", Duration.ofSeconds(120));

            // the log streams of db and app break; the containers themselves live on
            engine.down();
            MavenBuild.sleep(1000);
            engine.up();
            build.release();

            assertThat(build.awaitExit(Duration.ofSeconds(60)))
                    .as("exit code; the log:\n%s", build.log())
                    .isZero();
            assertThat(build.log())
                    .containsPattern("Stopped and removed 'app' \\(dock-it/busybox:1, [0-9a-f]{12}\\) in ")
                    .containsPattern("Stopped and removed 'db' \\(dock-it/busybox:1, [0-9a-f]{12}\\) in ")
                    .contains("BUILD SUCCESS");
            assertThat(ofProject(project)).isEmpty();
        } finally {
            DockerCli.removeAll(project);
        }
    }

    @Test
    void stopFailsQuicklyWhileTheEngineIsAwayAndTheWatchdogRemovesEverythingOnceItIsBack() throws Exception {
        String project = GROUP + "dying-build-engine-away";
        try (EngineProxy engine = EngineProxy.start();
                MavenBuild build = MavenBuild.start(
                        MavenBuild.copy("dying-build", "dying-build-engine-away"),
                        "verify",
                        "-Ddock.host=" + engine.host())) {
            build.awaitMarker("it-started", Duration.ofSeconds(120));
            ProcessHandle watchdog = build.watchdog().orElseThrow(() -> new AssertionError("no watchdog runs"));

            engine.down();
            long released = System.nanoTime();
            build.release();

            assertThat(build.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            Duration toExit = Duration.ofNanos(System.nanoTime() - released);
            String log = build.log();
            assertThat(log)
                    .containsPattern(
                            "\\[ERROR\\] Failed to execute goal io\\.github\\.dockmaven:dock-maven-plugin:[^ ]+:stop"
                                    + " \\(default\\) on project dying-build-engine-away: Could not remove 4 resources:")
                    .containsPattern("- container 'app' \\(dock-it/busybox:1, [0-9a-f]{12}\\): Could not stop container"
                            + " [0-9a-f]{12}: no answer from the engine at " + engine.host())
                    .contains("What is left is removed when Maven exits if the engine answers by then, else by the"
                            + " watchdog or the next dock:run of " + project + "; mvn dock:remove removes it too.")
                    .contains("[WARNING] Cannot reach the engine to remove what is left of this build: Could not list"
                            + " containers: no answer from the engine at " + engine.host())
                    .contains("The watchdog keeps trying for 2m after Maven exits; after that, the next dock:run of"
                            + " the project removes it, or mvn dock:remove.");
            assertThat(toExit).as("from the end of the tests to Maven's exit").isLessThan(Duration.ofSeconds(20));
            assertThat(ofProject(project))
                    .as("still there while the engine is away")
                    .hasSize(4);

            MavenBuild.sleep(3000);
            engine.up();
            awaitNone(Duration.ofSeconds(15), "io.github.dockmaven.project=" + project);
            assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(build.log())
                    .containsPattern(
                            "\\[dock watchdog\\] Maven ended without dock:stop; removed what build \\w+ \\(Maven"
                                    + " process " + build.pid()
                                    + "\\) had started: 2 containers \\(.*\\), 1 network and 1"
                                    + " volume in ");
        } finally {
            DockerCli.removeAll(project);
        }
    }
}

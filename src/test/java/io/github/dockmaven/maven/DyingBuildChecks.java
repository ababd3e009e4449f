package io.github.dockmaven.maven;

import static io.github.dockmaven.it.DockerCli.awaitNone;
import static io.github.dockmaven.it.DockerCli.ofProject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What {@link WhenABuildDiesIT} and {@link WhenAnEarlyBuildDiesIT} check of their builds (db with a named volume and
 * app depending on it): what runs before Maven dies, and who removed it afterwards.
 */
final class DyingBuildChecks {

    private DyingBuildChecks() {}

    /** Both containers run, with the build's network and db's volume; {@code when} names the moment, for messages. */
    static void bothContainersRun(String project, String when) {
        assertThat(ofProject(project))
                .as("what the build runs %s", when)
                .hasSize(4)
                .anyMatch(r -> r.matches("container .*-db-\\w+ running"))
                .anyMatch(r -> r.matches("container .*-app-\\w+ running"))
                .anyMatch(r -> r.startsWith("network "))
                .anyMatch(r -> r.startsWith("volume "));
    }

    /**
     * After a signal Maven exits on: the shutdown hook removed both containers, the network and the volume before the
     * JVM exited (nothing to wait for), said so, and the watchdog ended without a word.
     */
    static void removedByTheShutdownHook(MavenBuild build, String project, ProcessHandle watchdog) throws Exception {
        assertThat(ofProject(project)).as("left after Maven exited").isEmpty();
        String log = build.log();
        assertThat(log)
                .contains("[WARNING] Maven is exiting before dock:stop ran: killing and removing the 2 containers"
                        + " this build started, with its network and volumes");
        assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive())
                .as("the watchdog outlived Maven")
                .isFalse();
        assertThat(log).doesNotContain("[dock watchdog]");
    }

    /**
     * After SIGKILL: the watchdog removed both containers, the network and the volume within 15 s, said so, and ended;
     * returns how long after Maven's death everything was gone.
     */
    static Duration removedByTheWatchdog(MavenBuild build, String project, ProcessHandle watchdog) throws Exception {
        Duration gone = awaitNone(Duration.ofSeconds(15), "io.github.dockmaven.project=" + project);
        assertThat(watchdog.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(build.log())
                .containsPattern("\\[dock watchdog\\] Maven ended without dock:stop; removed what build \\w+ \\(Maven"
                        + " process " + build.pid()
                        + "\\) had started: 2 containers \\(.*\\), 1 network and 1 volume in ");
        return gone;
    }
}

package io.github.dockmaven.maven;

import static io.github.dockmaven.it.DockerCli.docker;
import static io.github.dockmaven.it.DockerCli.ofProject;
import static io.github.dockmaven.it.DockerCli.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Processes;
import io.github.dockmaven.it.DockerCli;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn dock:run} typed on the command line is not a crash: its containers outlive Maven, no watchdog reaps them,
 * and only {@code mvn dock:stop} removes them. Its look for leftovers removes what a dead lifecycle build left, and
 * nothing else.
 */
class CommandLineRunIT {

    private static final String ARTIFACT = "dying-build-cli";
    private static final String PROJECT = "io.github.dockmaven.it:" + ARTIFACT;

    @Test
    void containersOfACommandLineRunOutliveMavenUntilDockStop() throws Exception {
        String goal = "io.github.dockmaven:dock-maven-plugin:" + System.getProperty("dock.version") + ":";
        Path dir = MavenBuild.copy("dying-build", ARTIFACT);
        String host = InetAddress.getLocalHost().getHostName();
        String deadOwner = host + "/" + Processes.deadPid();
        try {
            String dead = leftover("d3ad", "lifecycle", deadOwner);
            String kept = leftover("k3pt", "kept", deadOwner);
            String elsewhere = leftover("e15e", "lifecycle", "another-" + host + "/1");
            docker(command(List.of("network", "create"), "d3ad", deadOwner, ARTIFACT + "-net-d3ad"));
            docker(command(List.of("volume", "create"), "d3ad", deadOwner, ARTIFACT + "-vol-data-d3ad"));

            try (MavenBuild run = MavenBuild.start(dir, goal + "run")) {
                assertThat(run.awaitExit(Duration.ofSeconds(120)))
                        .as("mvn dock:run; its log:\n%s", run.log())
                        .isZero();
                assertThat(run.log())
                        .contains("[WARNING] Removed what an earlier build of " + PROJECT + " (build d3ad, Maven"
                                + " process " + deadOwner + ", which no longer runs) left behind: 1 container ('db'"
                                + " (dock-it/busybox:1, " + dead.substring(0, 12) + ")), 1 network and 1 volume")
                        .contains("[INFO] Earlier builds of " + PROJECT + " kept 1 container with dock.keep: 'db'"
                                + " (dock-it/busybox:1, " + kept.substring(0, 12) + "); mvn dock:remove removes them")
                        .contains("[INFO] The containers keep running after Maven exits; stop them with mvn dock:stop");
                assertThat(watchdogsOf(run.pid()))
                        .as("watchdogs of a command-line run")
                        .isEmpty();
            }
            List<String> started = resources("io.github.dockmaven.project=" + PROJECT, "io.github.dockmaven.mode=cli");
            assertThat(started)
                    .hasSize(4)
                    .anyMatch(r -> r.matches("container " + ARTIFACT + "-db-\\w+ running"))
                    .anyMatch(r -> r.matches("container " + ARTIFACT + "-app-\\w+ running"));
            assertThat(ofProject(PROJECT))
                    .as("the kept container and the one of another host are untouched")
                    .anyMatch(r -> r.startsWith("container " + ARTIFACT + "-db-k3pt running"))
                    .anyMatch(r -> r.startsWith("container " + ARTIFACT + "-db-e15e running"))
                    .noneMatch(r -> r.contains("d3ad"));

            MavenBuild.sleep(20_000);
            assertThat(resources("io.github.dockmaven.project=" + PROJECT, "io.github.dockmaven.mode=cli"))
                    .as("20 s after Maven exited")
                    .isEqualTo(started);

            try (MavenBuild stop = MavenBuild.start(dir, goal + "stop")) {
                assertThat(stop.awaitExit(Duration.ofSeconds(60)))
                        .as("mvn dock:stop; its log:\n%s", stop.log())
                        .isZero();
                assertThat(stop.log())
                        .containsPattern("Stopped and removed 'app' \\(dock-it/busybox:1, [0-9a-f]{12}\\) in ")
                        .containsPattern("Stopped and removed 'db' \\(dock-it/busybox:1, [0-9a-f]{12}\\) in ");
            }
            assertThat(resources("io.github.dockmaven.project=" + PROJECT, "io.github.dockmaven.mode=cli"))
                    .isEmpty();
        } finally {
            DockerCli.removeAll(PROJECT);
        }
    }

    /** A running container labelled as an earlier build of the project left it; returns its id. */
    private static String leftover(String session, String mode, String owner) {
        List<String> run =
                new ArrayList<>(List.of("run", "-d", "--network", "none", "--label", "io.github.dockmaven.alias=db"));
        run.addAll(labels(session, mode, owner));
        run.addAll(List.of("--name", ARTIFACT + "-db-" + session, "dock-it/busybox:1", "sleep", "600"));
        return docker(run.toArray(String[]::new));
    }

    /** {@code docker <create> --label ... <name>}, for a network or volume a dead lifecycle build left. */
    private static String[] command(List<String> create, String session, String owner, String name) {
        List<String> command = new ArrayList<>(create);
        command.addAll(labels(session, "lifecycle", owner));
        command.add(name);
        return command.toArray(String[]::new);
    }

    private static List<String> labels(String session, String mode, String owner) {
        List<String> options = new ArrayList<>();
        for (String label : List.of(
                "io.github.dockmaven.managed=true",
                "io.github.dockmaven.project=" + PROJECT,
                "io.github.dockmaven.session=" + session,
                "io.github.dockmaven.execution=default",
                "io.github.dockmaven.mode=" + mode,
                "io.github.dockmaven.owner=" + owner)) {
            options.add("--label");
            options.add(label);
        }
        return options;
    }

    private static List<ProcessHandle> watchdogsOf(long mavenPid) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(List::of)
                        .map(args -> args.contains("io.github.dockmaven.watchdog.Watchdog")
                                && args.contains(Long.toString(mavenPid)))
                        .orElse(false))
                .toList();
    }
}

package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mvn dock:run -Ddock.image=... -Ddock.ports=...} in a folder without {@code pom.xml}: one container, like
 * {@code docker run -d -p}, that outlives Maven until {@code mvn dock:stop} in the same folder, and no other folder's
 * {@code dock:stop}, removes it.
 */
class OneContainerFromTheCommandLineIT {

    private static final String REDIS = "dock-it/redis:7";
    private static final Pattern PUBLISHED = Pattern.compile("\\[INFO\\] (\\S+): 6379 -> localhost:(\\d+)");

    @TempDir
    Path temp;

    private String[] pluginGroups = {};
    private Path folder;
    private Path otherFolder;

    @BeforeEach
    void folders() throws IOException {
        folder = Files.createDirectories(temp.resolve("scratch")).toRealPath();
        otherFolder = Files.createDirectories(temp.resolve("elsewhere")).toRealPath();
    }

    @AfterEach
    void removeWhatIsLeft() {
        for (Path dir : List.of(folder, otherFolder)) {
            for (String id : containersOf(dir)) {
                docker("rm", "-f", id);
            }
        }
    }

    @Test
    void aContainerFromTheCommandLineOutlivesMavenUntilDockStopInTheSameFolder() throws IOException {
        MavenRun.Run run = mvn(
                        folder,
                        goal("run"),
                        "-Ddock.image=" + REDIS,
                        "-Ddock.ports=6379",
                        "-Ddock.wait.log=Ready to accept connections")
                .succeeded();

        int port = publishedPort(run, "redis");
        assertThat(ping(port))
                .as("Redis on localhost:%d after Maven exited", port)
                .isEqualTo("+PONG");
        assertThat(containersOf(folder)).hasSize(1);
        assertThat(folder.resolve("target/dock/redis.log"))
                .as("its output file")
                .exists();

        MavenRun.Run elsewhere = mvn(otherFolder, goal("stop")).succeeded();
        assertThat(elsewhere.lines("[INFO] Nothing to stop"))
                .containsExactly(
                        "[INFO] Nothing to stop: no containers started by mvn dock:run for folder:" + otherFolder);
        assertThat(containersOf(folder)).as("after dock:stop in another folder").hasSize(1);

        MavenRun.Run stop = mvn(folder, goal("stop")).succeeded();
        assertThat(stop.output()).containsPattern("Stopped and removed 'redis' \\(" + REDIS + ", [0-9a-f]{12}\\) in ");
        assertThat(containersOf(folder))
                .as("after dock:stop in the same folder")
                .isEmpty();
    }

    @Test
    void withThePluginGroupInSettingsTheGoalPrefixWorksEveryPropertyAppliesAndDockRemoveCleansTheFolder()
            throws IOException {
        pluginGroups = new String[] {"io.github.dockmaven"};

        MavenRun.Run run = mvn(
                        folder,
                        "dock:run",
                        "-Ddock.image=" + REDIS,
                        "-Ddock.alias=cache",
                        "-Ddock.ports=6379",
                        "-Ddock.env=GREETING=hello,EMPTY=",
                        "-Ddock.command=redis-server --protected-mode no --save ''",
                        "-Ddock.wait.tcp=6379")
                .succeeded();

        int port = publishedPort(run, "cache");
        assertThat(ping(port)).isEqualTo("+PONG");
        String id = containersOf(folder).get(0);
        assertThat(docker("inspect", "--format", "{{json .Config.Env}} {{json .Config.Cmd}}", id))
                .contains("\"GREETING=hello\"", "\"EMPTY=\"")
                .endsWith("[\"redis-server\",\"--protected-mode\",\"no\",\"--save\",\"\"]");

        MavenRun.Run remove = mvn(folder, "dock:remove").succeeded();
        assertThat(remove.lines("[INFO] Removed "))
                .containsExactly(
                        "[INFO] Removed 1 container, 0 networks and 0 volumes of folder:" + folder.toRealPath());
        assertThat(containersOf(folder)).isEmpty();
        // outside a project, prune acts on the folder's resources: none are left, and it says so
        assertThat(mvn(folder, "dock:prune").succeeded().lines("[INFO] Pruned "))
                .containsExactly("[INFO] Pruned 0 resources; reclaimed 0 B");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(
                        List.of("-Ddock.image=redis:"),
                        "-Ddock.image=redis: is not a valid image reference. Write it as name[:tag] or name@digest,"
                                + " the name in lower case, e.g. postgres:16 or registry.example.com:5000/team/app:1.0."),
                Arguments.of(
                        List.of("-Ddock.image=" + REDIS, "-Ddock.ports=6379,80800"),
                        "Container 'redis': -Ddock.ports=80800 is not a valid port: 80800 is above 65535, the highest"
                                + " port. Examples: -Ddock.ports=8080, -Ddock.ports=18080:8080,"
                                + " -Ddock.ports=53/udp."),
                Arguments.of(
                        List.of("-Ddock.image=" + REDIS, "-Ddock.env=TZ"),
                        "Container 'redis': -Ddock.env=TZ has the entry 'TZ', which is not NAME=value. Separate the"
                                + " entries with commas, e.g. -Ddock.env=TZ=UTC,LANG=C.UTF-8."),
                Arguments.of(
                        List.of("-Ddock.image=" + REDIS, "-Ddock.alias=Cache"),
                        "The container of -Ddock.image has -Ddock.alias=Cache, which is not a valid alias: use"
                                + " lower-case letters, digits, '_', '.' and '-', starting with a letter or digit,"
                                + " e.g. -Ddock.alias=cache."),
                Arguments.of(
                        List.of("-Ddock.ports=6379"),
                        "-Ddock.ports=6379 describes a container, but -Ddock.image is not given. Name its image,"
                                + " e.g. -Ddock.image=redis:7."));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputFailsBeforeAnythingIsCreatedNamingThePropertyAndTheFix(List<String> properties, String message) {
        String[] args =
                Stream.concat(Stream.of(goal("run")), properties.stream()).toArray(String[]::new);

        MavenRun.Run run = mvn(folder, args);

        assertThat(run.failure()).isEqualTo(message);
        assertThat(run.output()).contains("MojoFailureException").doesNotContain("\tat ");
        assertThat(containersOf(folder)).isEmpty();
    }

    private MavenRun.Run mvn(Path dir, String... args) {
        return MavenRun.run(MavenLauncher.in(dir).pluginGroups(pluginGroups), args);
    }

    /** The goal named by the plugin's coordinates, as Maven needs it outside a project without pluginGroups. */
    private static String goal(String goal) {
        return "io.github.dockmaven:dock-maven-plugin:" + MavenRun.version() + ":" + goal;
    }

    private static int publishedPort(MavenRun.Run run, String alias) {
        List<String> lines = run.lines(": 6379 -> ");
        assertThat(lines).as("the published-port lines of:%n%s", run.output()).hasSize(1);
        Matcher m = PUBLISHED.matcher(lines.get(0));
        assertThat(m.matches()).as(lines.get(0)).isTrue();
        assertThat(m.group(1)).isEqualTo(alias);
        return Integer.parseInt(m.group(2));
    }

    /** Sends Redis's inline {@code PING}; its answer line. */
    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /** The ids of the containers carrying the label of a folder without a project. */
    private static List<String> containersOf(Path dir) {
        String ids = docker("ps", "-aq", "--filter", "label=io.github.dockmaven.project=folder:" + dir);
        return ids.isBlank() ? List.of() : List.of(ids.trim().split("\n"));
    }

    private static String docker(String... args) {
        return Commands.run(Stream.concat(Stream.of("docker"), Stream.of(args)).toList())
                .trim();
    }
}

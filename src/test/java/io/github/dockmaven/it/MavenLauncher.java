package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way the Java tests start a real {@code mvn}, as the maven-invoker-plugin starts the projects under {@code
 * src/it}: the same Maven, settings file, local repository, properties and {@code MAVEN_OPTS} (the properties at the top
 * of the plugin's POM say which).
 *
 * <ul>
 *   <li>Maven: the one in {@code maven.home}, which failsafe sets from {@code dock.it.mavenHome} (default: {@code
 *       invoker.mavenHome}, default: the Maven running the build), so {@code -Dinvoker.mavenHome} or {@code
 *       -Ddock.it.mavenHome} run these builds on Maven 3.8 or 4.
 *   <li>Repositories: {@code src/it/settings.xml}, which reads the main build's local repository as a remote one,
 *       in front of Central; local repository {@code target/local-repo}, where {@code invoker:install} put the plugin
 *       under test. No {@code -o}: Maven 3.8 applies it to {@code file:} repositories too.
 *   <li>Properties: those the invoker passes to its projects ({@code dock.version}, {@code junit.version}, {@code
 *       failsafe.version}, {@code busybox}).
 *   <li>Environment: the outer build's {@code MAVEN_ARGS} are not this build's, so they are removed; {@code MAVEN_OPTS}
 *       is {@code dock.it.mavenOpts}, as for the invoker's projects; then the caller's variables.
 *   <li>Output: standard output and error go to {@code build.log} in the project directory ({@code build-2.log}, ...
 *       for later builds in the same directory).
 * </ul>
 */
public final class MavenLauncher {

    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String servers = "";
    private String pluginGroups = "";

    private MavenLauncher(Path dir) {
        this.dir = dir;
    }

    /** A build in {@code dir}, which is made a root project of its own (Maven 4 looks upwards for {@code .mvn}). */
    public static MavenLauncher in(Path dir) {
        return new MavenLauncher(dir);
    }

    /** The project directory. */
    public Path dir() {
        return dir;
    }

    /** Adds environment variables for this build. */
    public MavenLauncher env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** The {@code <server>} elements (XML) that the settings of this build hold. */
    public MavenLauncher servers(String xml) {
        servers = xml;
        return this;
    }

    /** The {@code <pluginGroup>}s the settings of this build hold, so that goal prefixes resolve outside a project. */
    public MavenLauncher pluginGroups(String... groupIds) {
        StringBuilder xml = new StringBuilder();
        for (String groupId : groupIds) {
            xml.append("<pluginGroup>").append(groupId).append("</pluginGroup>");
        }
        pluginGroups = xml.toString();
        return this;
    }

    /** Starts {@code mvn <args>}; its standard input stays open until the caller closes it. */
    public Launched start(List<String> args) throws IOException {
        Files.createDirectories(dir.resolve(".mvn"));
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, settings());
        List<String> command = new ArrayList<>(List.of(
                Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + property("dock.it.localRepo"),
                "-Ddock.version=" + property("dock.version"),
                "-Djunit.version=" + property("junit.version"),
                "-Dfailsafe.version=" + property("failsafe.version"),
                "-Dbusybox=" + property("busybox")));
        command.addAll(args);
        Path log = dir.resolve("build.log");
        for (int n = 2; Files.exists(log); n++) {
            log = dir.resolve("build-" + n + ".log");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().put("MAVEN_OPTS", property("dock.it.mavenOpts"));
        builder.environment().putAll(env);
        return new Launched(builder.start(), log);
    }

    /** Runs {@code mvn <args>} to its end, with nothing on its standard input. */
    public Finished run(String... args) {
        try {
            Launched launched = start(List.of(args));
            launched.process().getOutputStream().close();
            int exitCode = launched.process().waitFor();
            return new Finished(exitCode, Files.readString(launched.log(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String settings() throws IOException {
        String url = Path.of(property("dock.it.userRepo")).toUri().toString();
        return Files.readString(Path.of(property("basedir"), "src/it/settings.xml"))
                .replace("@localRepositoryUrl@", url)
                .replace("</settings>", "  <servers>" + servers + "</servers>\n</settings>")
                .replace("<settings>", "<settings>\n  <pluginGroups>" + pluginGroups + "</pluginGroups>");
    }

    /** A system property that failsafe's {@code systemPropertyVariables} in the plugin's POM set. */
    public static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by failsafe's systemPropertyVariables in the plugin's POM)", name)
                .isNotBlank();
        return value;
    }

    /** A started build: the Maven process ({@code mvn} ends in {@code exec java}) and the file its output goes to. */
    public record Launched(Process process, Path log) {}

    /** A build that ended: its exit code and its whole output. */
    public record Finished(int exitCode, String output) {}
}

package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Maven build, to its end, of a small project written here that uses the plugin under test, started by {@link
 * MavenLauncher}. The POM has packaging {@code pom}, so {@code verify} runs only {@code dock:run} and {@code
 * dock:stop}.
 */
final class MavenRun {

    private static final Pattern FAILURE = Pattern.compile(
            "(?s)\\[ERROR\\] Failed to execute goal io\\.github\\.dockmaven:dock-maven-plugin:[^ ]+ \\([^)]*\\) on"
                    + " project [^:]+: (.*?)(?:\\n\\[ERROR\\])? -> \\[Help 1\\]");

    private MavenRun() {}

    static String version() {
        return MavenLauncher.property("dock.version");
    }

    /** A container that runs a shell command and is ready once it printed {@code ready}; killed at stop. */
    static String container(String alias, String image, String pullPolicy, String command) {
        return "<container><alias>" + alias + "</alias><image>" + image + "</image><pullPolicy>" + pullPolicy
                + "</pullPolicy><command><arg>sh</arg><arg>-c</arg><arg>" + xml(command) + "</arg></command>"
                + "<wait><log>^ready$</log><timeout>30s</timeout></wait><stopMode>kill</stopMode></container>";
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Writes {@code dir/pom.xml}: a project whose dock:run/dock:stop start and stop the given containers. */
    static Path project(Path dir, String artifactId, String... containers) {
        write(dir.resolve("pom.xml"), pom(artifactId, "", plugin(containers)));
        return dir;
    }

    /** Writes a reactor: {@code dir/pom.xml} and one module per entry, named {@code m1}, {@code m2}, .... */
    static Path reactor(Path dir, String artifactId, List<String[]> modules) {
        StringBuilder names = new StringBuilder("<modules>");
        for (int i = 1; i <= modules.size(); i++) {
            names.append("<module>m").append(i).append("</module>");
            write(dir.resolve("m" + i).resolve("pom.xml"), pom(artifactId + "-m" + i, "", plugin(modules.get(i - 1))));
        }
        write(dir.resolve("pom.xml"), pom(artifactId, names.append("</modules>").toString(), ""));
        return dir;
    }

    private static String pom(String artifactId, String modules, String plugins) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>io.github.dockmaven.it</groupId><artifactId>" + artifactId + "</artifactId>"
                + "<version>1.0</version><packaging>pom</packaging>" + modules + "<build><plugins>" + plugins
                + "</plugins></build></project>\n";
    }

    private static String plugin(String... containers) {
        return "<plugin><groupId>io.github.dockmaven</groupId><artifactId>dock-maven-plugin</artifactId><version>"
                + version() + "</version><configuration><containers>" + String.join("", containers)
                + "</containers></configuration><executions><execution><goals><goal>run</goal><goal>stop</goal>"
                + "</goals></execution></executions></plugin>";
    }

    /** Runs {@code mvn <args>} in {@code project} (see {@link MavenLauncher}) with extra environment variables. */
    static Run run(Path project, Map<String, String> env, String... args) {
        return run(MavenLauncher.in(project).env(env), args);
    }

    /** Runs {@code mvn <args>} as the launcher says. */
    static Run run(MavenLauncher launcher, String... args) {
        MavenLauncher.Finished finished = launcher.run(args);
        return new Run(finished.exitCode(), finished.output(), launcher.dir());
    }

    /** Runs {@code mvn <args>} (an option such as {@code --encrypt-password}) and returns the {@code {...}} it printed. */
    static String encrypted(Path workDir, String... args) {
        Run run = run(workDir, Map.of(), args);
        Matcher m = Pattern.compile("\\{[^}\\s]+\\}").matcher(run.output());
        assertThat(m.find())
                .as("mvn %s printed no {...}:%n%s", args[0], run.output())
                .isTrue();
        return m.group();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished build. */
    record Run(int exitCode, String output, Path project) {

        Run succeeded() {
            assertThat(exitCode).as("mvn failed; its output:%n%s", output).isZero();
            return this;
        }

        /** The message Maven printed under BUILD FAILURE for the plugin's goal, without its [ERROR] prefixes. */
        String failure() {
            assertThat(exitCode)
                    .as("mvn was expected to fail; its output:%n%s", output)
                    .isNotZero();
            Matcher m = FAILURE.matcher(output);
            assertThat(m.find())
                    .as("no failure of dock-maven-plugin in the output:%n%s", output)
                    .isTrue();
            return m.group(1).replaceAll("\\n\\[ERROR\\] ?", "\n");
        }

        /** The lines of the output that contain {@code text}. */
        List<String> lines(String text) {
            return output.lines().filter(line -> line.contains(text)).toList();
        }

        /** Every file under the project's {@code target} directories, with its text. */
        Map<Path, String> targetFiles() {
            Map<Path, String> files = new java.util.LinkedHashMap<>();
            try (Stream<Path> paths = Files.walk(project)) {
                paths.filter(Files::isRegularFile)
                        .filter(path -> project.relativize(path).toString().contains("target"))
                        .forEach(path -> {
                            try {
                                files.put(path, new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        }
    }
}

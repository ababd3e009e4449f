package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Maven build of a small project that uses the plugin under test, run as a separate {@code mvn} process, against
 * the local repository that {@code invoker:install} filled ({@code target/local-repo}) with the main build's
 * repository behind it. The POM has packaging {@code pom}, so {@code verify} runs only {@code dock:run} and {@code
 * dock:stop}. The failsafe configuration passes where Maven and the repositories are (the system properties {@code
 * maven.home}, {@code dock.it.localRepo}, {@code dock.it.userRepo}, {@code dock.version}).
 */
final class MavenRun {

    private static final Pattern FAILURE = Pattern.compile(
            "(?s)\\[ERROR\\] Failed to execute goal io\\.github\\.dockmaven:dock-maven-plugin:[^ ]+ \\([^)]*\\) on"
                    + " project [^:]+: (.*?)(?:\\n\\[ERROR\\])? -> \\[Help 1\\]");

    private MavenRun() {}

    static String version() {
        return property("dock.version");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by the failsafe configuration of the plugin's POM)", name)
                .isNotBlank();
        return value;
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

    /**
     * Runs {@code mvn -B -o <args>} in {@code project} with extra environment variables; its whole output is also
     * written to {@code build.log} there.
     */
    static Run run(Path project, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-Dmaven.repo.local=" + property("dock.it.localRepo")));
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(env);
        // the outer build's options are not this build's; the C1 compiler alone starts short builds faster
        environment.putIfAbsent("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xss1m");
        environment.putIfAbsent("MAVEN_ARGS", "");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            int exitCode = process.waitFor();
            return new Run(exitCode, Files.readString(project.resolve("build.log"), StandardCharsets.UTF_8), project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
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

    /**
     * A settings.xml with these {@code <servers>} (XML) whose one mirror, for every repository, is the main build's
     * local repository read as a remote one: nothing is downloaded (as for the ITs in the maven package).
     */
    static String settings(String servers) {
        String url = Path.of(property("dock.it.userRepo")).toUri().toString();
        return "<settings><servers>" + servers + "</servers><mirrors><mirror><id>main-build-repository</id>"
                + "<mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors></settings>\n";
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

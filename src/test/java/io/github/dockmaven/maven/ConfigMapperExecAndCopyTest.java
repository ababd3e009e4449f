package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.Exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code <postStart>}, {@code <preStop>}, {@code <copyIn>} and {@code <copyOut>} are mapped and checked. */
class ConfigMapperExecAndCopyTest {

    @TempDir
    Path project;

    private final Container app = new Container();

    ConfigMapperExecAndCopyTest() {
        app.alias = "app";
        app.image = "busybox:1";
    }

    private ContainerSpec map() {
        return ConfigMapper.map(List.of(app), project, "shop").get(0);
    }

    private void assertFails(String message) {
        assertThatThrownBy(this::map).isInstanceOf(BuildFailure.class).hasMessage(message);
    }

    /** One {@code <exec>} given as one string; also for the overlays' tests. */
    static Container.Args line(String line) {
        Container.Args args = new Container.Args();
        args.set(line);
        return args;
    }

    private static Container.Args words(String... words) {
        Container.Args args = new Container.Args();
        List.of(words).forEach(args::addArg);
        return args;
    }

    /** One {@code <entry>} of {@code <copyIn>} or {@code <copyOut>}; also for the overlays' tests. */
    static Container.Copy copy(String from, String to) {
        Container.Copy copy = new Container.Copy();
        copy.from = from;
        copy.to = to;
        return copy;
    }

    @Test
    void execsAreSplitLikeAShellOrTakenWordForWordInOrder() {
        app.postStart = List.of(line("sh -c 'echo ready > /tmp/marker'"), words("touch", "/tmp/a b"));
        app.preStop = List.of(line("kill -USR1 1"));

        ContainerSpec spec = map();

        assertThat(spec.postStart())
                .containsExactly(
                        new Exec(List.of("sh", "-c", "echo ready > /tmp/marker")),
                        new Exec(List.of("touch", "/tmp/a b")));
        assertThat(spec.preStop()).containsExactly(new Exec(List.of("kill", "-USR1", "1")));
    }

    @Test
    void withoutTheElementsThereIsNothingToRunOrCopy() {
        ContainerSpec spec = map();

        assertThat(spec.postStart()).isEmpty();
        assertThat(spec.preStop()).isEmpty();
        assertThat(spec.copyIn()).isEmpty();
        assertThat(spec.copyOut()).isEmpty();
    }

    @Test
    void copyInSourcesAndCopyOutTargetsAreResolvedAgainstTheProjectKeepingAFolderSlash() throws IOException {
        Files.createDirectories(project.resolve("src/test/seed"));
        Files.writeString(project.resolve("src/test/app.conf"), "x=1");
        app.copyIn = List.of(copy("src/test/app.conf", "/etc/app/"), copy("src/test/seed/", "/opt/seed"));
        app.copyOut = List.of(copy("/var/log/app/", "target/logs/"), copy("/tmp/dump.sql", "target/dump.sql"));

        ContainerSpec spec = map();

        assertThat(spec.copyIn())
                .containsExactly(
                        new CopyEntry(project.resolve("src/test/app.conf").toString(), "/etc/app/"),
                        new CopyEntry(project.resolve("src/test/seed").toString(), "/opt/seed"));
        assertThat(spec.copyOut())
                .containsExactly(
                        new CopyEntry("/var/log/app/", project.resolve("target/logs") + "/"),
                        new CopyEntry(
                                "/tmp/dump.sql",
                                project.resolve("target/dump.sql").toString()));
    }

    @Test
    void aCopyInSourceThatDoesNotExistFailsNamingTheContainerAndThePath() {
        app.copyIn = List.of(copy("src/test/missing.sql", "/docker-entrypoint-initdb.d/"));

        assertFails("Container 'app': <copyIn><entry><from>src/test/missing.sql</from> does not exist ("
                + project.resolve("src/test/missing.sql") + "). Create it, or fix the path (a relative path is"
                + " resolved against the project's directory).");
    }

    @Test
    void anEmptyExecIsRejectedWithItsPosition() {
        app.preStop = new ArrayList<>(List.of(line("echo bye"), line("  ")));

        assertFails("Container 'app': the 2nd <exec> of <preStop> is empty. Give the command as one string, e.g."
                + " <exec>sh -c 'echo ready'</exec>, or as a list of <arg>.");
    }

    @Test
    void anExecWithAnOpenQuoteNamesTheElement() {
        app.postStart = List.of(line("sh -c 'echo"));

        assertThatThrownBy(this::map)
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith(
                        "Container 'app': <postStart><exec>sh -c 'echo</exec> cannot be split into" + " words: ");
    }

    @Test
    void anEntryWithoutFromOrToShowsACompleteEntry() {
        app.copyOut = List.of(copy("/var/log/app/", null));

        assertFails("Container 'app': the 1st <entry> of <copyOut> has no <to>. Give both, e.g."
                + " <entry><from>/var/log/app/</from><to>target/app-logs/</to></entry>.");

        app.copyOut = null;
        app.copyIn = List.of(copy(" ", "/etc/app/"));

        assertFails("Container 'app': the 1st <entry> of <copyIn> has no <from>. Give both, e.g."
                + " <entry><from>src/test/app.conf</from><to>/etc/app/</to></entry>.");
    }

    @Test
    void aContainerPathMustBeAbsolute() throws IOException {
        Files.writeString(project.resolve("app.conf"), "x=1");
        app.copyIn = List.of(copy("app.conf", "etc/app/"));

        assertFails("Container 'app': <copyIn><entry><to>etc/app/</to> is not an absolute path in the container."
                + " Start it with /, e.g. /etc/app/.");
    }
}

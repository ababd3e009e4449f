package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which compose files {@code <compose>} names, checked before any of them is read. */
class ComposeConfigTest {

    @TempDir
    Path project;

    private final Compose compose = new Compose();

    private void files(String... names) {
        compose.files = Arrays.asList(names);
    }

    private void assertFails(String message) {
        assertThatThrownBy(() -> ComposeConfig.files(compose, project))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    @Test
    void withoutComposeThereAreNoServicesAndNothingIsRead() {
        assertThat(ComposeConfig.load(null, project, "shop", Map.of(), Console.silent()))
                .isSameAs(ComposeStack.NONE);
    }

    @Test
    void oneFileIsResolvedAgainstTheProject() throws IOException {
        Files.createDirectories(project.resolve("src/it"));
        Files.writeString(project.resolve("src/it/compose.yaml"), "services: {}\n");
        compose.file = " src/it/compose.yaml ";

        assertThat(ComposeConfig.files(compose, project)).containsExactly(project.resolve("src/it/compose.yaml"));
    }

    @Test
    void severalFilesKeepTheirOrderAndBlankEntriesAreIgnored() throws IOException {
        Files.writeString(project.resolve("compose.yaml"), "services: {}\n");
        Files.writeString(project.resolve("compose.ci.yaml"), "services: {}\n");
        files("compose.yaml", " ", "compose.ci.yaml");

        assertThat(ComposeConfig.files(compose, project))
                .containsExactly(project.resolve("compose.yaml"), project.resolve("compose.ci.yaml"));
    }

    @Test
    void fileAndFilesTogetherAreRejected() {
        compose.file = "compose.yaml";
        files("compose.ci.yaml");

        assertFails("<compose> has both <file> and <files>. Keep one: <file> for one compose file, <files> for several,"
                + " merged in order.");
    }

    @Test
    void neitherFileNorFilesIsRejectedWithAnExample() {
        files(" ");

        assertFails("<compose> names no compose file. Add one, e.g. <file>src/it/compose.yaml</file>, or several as"
                + " <files><file>compose.yaml</file><file>compose.ci.yaml</file></files> (relative to the project).");
    }

    @Test
    void aMissingFileIsNamedWithItsElementAndPath() {
        compose.file = "src/it/compose.yml";

        assertFails("<compose><file>src/it/compose.yml</file> does not exist (" + project.resolve("src/it/compose.yml")
                + "). Create it, or fix the path (relative to the project).");
    }

    @Test
    void aMissingFileOfSeveralIsNamedWithItsElementAndPath() throws IOException {
        Files.writeString(project.resolve("compose.yaml"), "services: {}\n");
        files("compose.yaml", "compose.ci.yaml");

        assertFails("<compose><files><file>compose.ci.yaml</file> does not exist (" + project.resolve("compose.ci.yaml")
                + "). Create it, or fix the path (relative to the project).");
    }

    @Test
    void aFolderIsNotAComposeFile() throws IOException {
        Files.createDirectories(project.resolve("src/it"));
        compose.file = "src/it/";

        assertFails("<compose><file>src/it/</file> is a folder (" + project.resolve("src/it")
                + "). Name the compose file in it, e.g. <file>src/it/compose.yaml</file>.");
    }

    @Test
    void theFilesAreCheckedBeforeAnyIsRead() {
        compose.file = "missing.yaml";

        assertThatThrownBy(() -> ComposeConfig.load(compose, project, "shop", Map.of(), Console.silent()))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("<compose><file>missing.yaml</file> does not exist");
    }
}

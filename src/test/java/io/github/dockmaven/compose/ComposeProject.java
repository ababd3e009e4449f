package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.RecordingConsole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A project folder whose compose files a test writes, loaded as the Maven layer would load them. */
final class ComposeProject {

    final Path dir;
    final Map<String, String> environment = new LinkedHashMap<>();
    final RecordingConsole console = new RecordingConsole();

    ComposeProject(Path dir) {
        this.dir = dir;
    }

    /** Writes a file, folders made as needed. */
    ComposeProject file(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ComposeProject env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Writes {@code src/it/compose.yaml} and asserts that loading it fails with exactly this message. */
    void refuses(String compose, String message) {
        file("src/it/compose.yaml", compose);
        assertThatThrownBy(() -> load("src/it/compose.yaml"))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    /** The merged definition of one service of these files. */
    Map<String, Object> definition(String service, String... relative) {
        return load(relative).services().get(service).definition();
    }

    /** Loads the files, named relative to the project folder, in this order. */
    ComposeModel load(String... relative) {
        return ComposeFiles.load(Arrays.stream(relative).map(dir::resolve).toList(), dir, environment, console);
    }
}

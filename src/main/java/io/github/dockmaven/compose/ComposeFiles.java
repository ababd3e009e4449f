package io.github.dockmaven.compose;

import io.github.dockmaven.core.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads compose files: YAML, interpolation from the environment and the {@code .env} file, merge in order. */
public final class ComposeFiles {

    private ComposeFiles() {}

    /**
     * Reads, checks and merges {@code files}. Throws {@link io.github.dockmaven.core.BuildFailure} for a missing
     * file, invalid YAML (file and line), a variable that {@code ${VAR:?message}} requires, or a key the plugin does
     * not support (file, service, key); warns on {@code console} for keys that mean nothing in a test run.
     *
     * @param files absolute paths, in merge order
     * @param projectDir the project folder: messages name files relative to it
     * @param environment the process environment; the {@code .env} file beside the first file adds to it
     */
    public static ComposeModel load(
            List<Path> files, Path projectDir, Map<String, String> environment, Console console) {
        throw new UnsupportedOperationException("not yet");
    }
}

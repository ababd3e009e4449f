package io.github.dockmaven.maven;

import io.github.dockmaven.compose.ComposeFiles;
import io.github.dockmaven.compose.ComposeModel;
import io.github.dockmaven.compose.ComposeService;
import io.github.dockmaven.compose.ComposeServices;
import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code <compose>} element and reads what it names: the files must be given one way and exist, before any
 * of them is read; then they are loaded ({@link ComposeFiles}) and their services mapped ({@link ComposeServices}).
 */
final class ComposeConfig {

    private ComposeConfig() {}

    /**
     * The services of {@code compose}, or {@link ComposeStack#NONE} when it is null.
     *
     * @param environment the variables interpolation reads before the {@code .env} file
     */
    static ComposeStack load(
            Compose compose, Path baseDir, String artifactId, Map<String, String> environment, Console console) {
        if (compose == null) {
            return ComposeStack.NONE;
        }
        ComposeModel model = ComposeFiles.load(files(compose, baseDir), baseDir, environment, console);
        Map<String, Path> declared = new LinkedHashMap<>();
        for (ComposeService service : model.services().values()) {
            declared.put(service.name(), service.file());
        }
        return new ComposeStack(
                ComposeServices.map(model, nonBlank(compose.profiles), nonBlank(compose.services), artifactId),
                declared);
    }

    /** The compose files, absolute, in merge order; each exists. */
    static List<Path> files(Compose compose, Path baseDir) {
        String file = compose.file == null || compose.file.isBlank() ? null : compose.file.trim();
        List<String> files = nonBlank(compose.files);
        if (file != null && !files.isEmpty()) {
            throw new BuildFailure("<compose> has both <file> and <files>. Keep one: <file> for one compose file,"
                    + " <files> for several, merged in order.");
        }
        if (file == null && files.isEmpty()) {
            throw new BuildFailure("<compose> names no compose file. Add one, e.g. <file>src/it/compose.yaml</file>,"
                    + " or several as <files><file>compose.yaml</file><file>compose.ci.yaml</file></files>"
                    + " (relative to the project).");
        }
        String element = file != null ? "<compose><file>" : "<compose><files><file>";
        List<Path> paths = new ArrayList<>();
        for (String name : file != null ? List.of(file) : files) {
            Path path = baseDir.resolve(name).normalize();
            if (Files.isDirectory(path)) {
                throw new BuildFailure(element + name + "</file> is a folder (" + path + "). Name the compose file in"
                        + " it, e.g. <file>" + name.replaceAll("/+$", "") + "/compose.yaml</file>.");
            }
            if (!Files.isRegularFile(path)) {
                throw new BuildFailure(element + name + "</file> does not exist (" + path + "). Create it, or fix the"
                        + " path (relative to the project).");
            }
            paths.add(path);
        }
        return List.copyOf(paths);
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::trim)
                        .toList();
    }
}

package io.github.dockmaven.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds the {@link ComposeModel} a loader would give for one compose file, straight from its YAML: no interpolation,
 * no merge, no key check, so that the mapping is tested alone.
 */
final class ComposeModels {

    private ComposeModels() {}

    /** The model of the test resource {@code compose/map/<name>}, its folder being the model's directory. */
    static ComposeModel resource(String name, Map<String, String> variables) {
        try {
            Path file = Path.of(
                    ComposeModels.class.getResource("/compose/map/" + name).toURI());
            return model(file.getParent(), name, Files.readString(file, StandardCharsets.UTF_8), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model of {@code yaml}, read as the file {@code compose.yaml} in {@code directory}. */
    static ComposeModel model(Path directory, String yaml) {
        return model(directory, "compose.yaml", yaml, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static ComposeModel model(Path directory, String fileName, String yaml, Map<String, String> variables) {
        Map<String, Object> root =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Map<String, Object> definitions = (Map<String, Object>) root.getOrDefault("services", Map.of());
        definitions.forEach((name, definition) -> services.put(
                name,
                new ComposeService(
                        name,
                        Path.of("src/it", fileName),
                        definition == null ? Map.of() : (Map<String, Object>) definition)));
        return new ComposeModel(
                List.of(directory.resolve(fileName)),
                directory,
                services,
                topLevel(root.get("volumes")),
                topLevel(root.get("networks")),
                variables);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> topLevel(Object section) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        if (section != null) {
            ((Map<String, Object>) section)
                    .forEach(
                            (name, value) -> entries.put(name, value == null ? Map.of() : (Map<String, Object>) value));
        }
        return entries;
    }
}

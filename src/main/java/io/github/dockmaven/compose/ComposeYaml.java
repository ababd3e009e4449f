package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one compose file into plain maps, lists and scalars. snakeyaml-engine reads YAML 1.2 with the core schema
 * (so {@code 8080:80} stays a string and {@code yes} is no boolean, as compose reads them), resolves anchors, aliases
 * and merge keys ({@code <<}, one mapping or a list of them), and refuses duplicate keys; compose's {@code !reset}
 * and {@code !override} tags are left for the merge ({@link MergeTags}). What it gives is copied, so
 * that no two places share a list or mapping through an alias, and keys become strings, as compose treats them.
 */
final class ComposeYaml {

    /**
     * More than snakeyaml-engine's default of 50: files that give every service {@code <<: *defaults} and a few
     * shared blocks reach that. The copy's own limit below is what stops an alias bomb.
     */
    private static final int MAX_ALIASES = 1000;

    /** Far above any real compose file; an alias bomb expands beyond it long before memory runs out. */
    static final int MAX_VALUES = 100_000;

    private ComposeYaml() {}

    /**
     * The documents of the file (compose merges several in one file in order), each a mapping.
     *
     * @param shown the file as messages name it
     */
    static List<Map<String, Object>> read(Path file, String shown) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setLabel(shown)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .build();
        if (Files.isDirectory(file)) {
            throw new BuildFailure(
                    "Compose file " + shown + " is a folder; name the file in it, such as " + shown + "/compose.yaml.");
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Load(settings, new ComposeConstructor(settings)).loadAllFromInputStream(in)) {
                documents.add(mapping(document, shown));
            }
        } catch (NoSuchFileException e) {
            throw new BuildFailure("Compose file " + shown + " does not exist. Check the file names in <compose>.", e);
        } catch (IOException e) {
            throw new BuildFailure("Compose file " + shown + " cannot be read: " + e.getMessage(), e);
        } catch (MarkedYamlEngineException e) {
            throw new BuildFailure("Compose file " + shown + " is not valid YAML" + invalid(e), e);
        } catch (YamlEngineException e) {
            throw new BuildFailure("Compose file " + shown + unreadable(e), e);
        }
        if (documents.isEmpty()) {
            throw new BuildFailure("Compose file " + shown + " is empty; a compose file starts with 'services:'.");
        }
        return documents;
    }

    /** Where and what: {@code  at line 3, column 5: found duplicate key a (while constructing a mapping ...)}. */
    private static String invalid(MarkedYamlEngineException e) {
        // The problem is a sentence of its own at times; the message ends it once.
        String problem = Optional.ofNullable(e.getProblem()).orElse("").strip().replaceAll("\\.$", "");
        String context = Optional.ofNullable(e.getContext()).orElse("").strip();
        Optional<Mark> contextMark = e.getContextMark();
        return e.getProblemMark().map(mark -> " at " + position(mark)).orElse("")
                + ": " + problem
                + (context.isEmpty()
                        ? ""
                        : " (" + context
                                + contextMark.map(m -> " at " + position(m)).orElse("") + ")")
                + ".";
    }

    /** What the reader's failure without a place in the file says: the file's bytes, or a limit of the reader. */
    private static String unreadable(YamlEngineException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return " is not UTF-8 text; save it as UTF-8, as compose reads it.";
        }
        if (e.getCause() instanceof IOException cause) {
            return " cannot be read: " + cause.getMessage();
        }
        return " cannot be read as YAML: " + e.getMessage() + ".";
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object document, String shown) {
        if (!(document instanceof Map)) {
            throw new BuildFailure("Compose file " + shown + " is not a mapping of keys such as 'services' but "
                    + (document == null ? "empty" : FileCheck.describe(document)) + ".");
        }
        return (Map<String, Object>) new Copy(shown).of(document);
    }

    /** A deep copy that counts what it makes, against alias bombs, and notices an alias inside its own target. */
    private static final class Copy {

        private final String shown;
        private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Copy(String shown) {
            this.shown = shown;
        }

        Object of(Object value) {
            if (++values > MAX_VALUES) {
                throw new BuildFailure("Compose file " + shown + " holds more than " + MAX_VALUES
                        + " values once its aliases are expanded; that is an alias bomb, not a test environment.");
            }
            if (value instanceof MergeTags.Override override) {
                return new MergeTags.Override(of(override.value()));
            }
            if (!(value instanceof Map) && !(value instanceof List)) {
                return value;
            }
            if (!open.add(value)) {
                throw new BuildFailure("Compose file " + shown + " has an alias inside the list or mapping it refers"
                        + " to; compose cannot read a value that contains itself.");
            }
            Object copy = value instanceof Map<?, ?> map ? copyMap(map) : copyList((List<?>) value);
            open.remove(value);
            return copy;
        }

        private Map<String, Object> copyMap(Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), of(value)));
            return copy;
        }

        private List<Object> copyList(List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(value -> copy.add(of(value)));
            return copy;
        }
    }
}

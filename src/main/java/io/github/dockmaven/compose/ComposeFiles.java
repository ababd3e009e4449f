package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.EnvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads compose files: YAML, interpolation from the environment and the {@code .env} file, merge in order. */
public final class ComposeFiles {

    private ComposeFiles() {}

    /**
     * Reads, checks and merges {@code files}: each file (each YAML document of it) is checked ({@link FileCheck}),
     * interpolated ({@link Interpolation}) and merged into those before it ({@link ComposeMerge}). Throws {@link
     * io.github.dockmaven.core.BuildFailure} for a missing file, invalid YAML (file and line), a variable that {@code
     * ${VAR:?message}} requires, or a key the plugin does not support (file, service, key); warns on {@code console}
     * for keys that mean nothing in a test run and for variables used without a value.
     *
     * @param files absolute paths, in merge order
     * @param projectDir the project folder: messages name files relative to it
     * @param environment the process environment; the {@code .env} file beside the first file adds to it
     */
    public static ComposeModel load(
            List<Path> files, Path projectDir, Map<String, String> environment, Console console) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no compose file to load");
        }
        Path directory = files.get(0).getParent();
        Path dotEnv = directory.resolve(".env");
        Map<String, String> variables = variables(dotEnv, shown(projectDir, dotEnv), environment, console);
        Map<String, Object> merged = Map.of();
        Map<String, Path> definedIn = new LinkedHashMap<>();
        for (Path file : files) {
            String shown = shown(projectDir, file);
            for (Map<String, Object> document : ComposeYaml.read(file, shown)) {
                new FileCheck(shown, console).check(document);
                Map<String, Object> interpolated =
                        new TreeInterpolation(shown, variables, shown(projectDir, dotEnv)).apply(document, console);
                if (MergeTags.plain(interpolated.get("services")) instanceof Map<?, ?> services) {
                    services.keySet().forEach(name -> definedIn.putIfAbsent((String) name, relative(projectDir, file)));
                }
                merged = ComposeMerge.merge(merged, interpolated);
            }
        }
        merged = ComposeMerge.uniqueLists(merged);
        Map<String, ComposeService> services = services(merged, definedIn, files, projectDir);
        return new ComposeModel(
                List.copyOf(files),
                directory,
                services,
                named(merged, "volumes"),
                named(merged, "networks"),
                Collections.unmodifiableMap(variables));
    }

    /** The merged services, each with the file that defined it first; none at all is an error. */
    private static Map<String, ComposeService> services(
            Map<String, Object> merged, Map<String, Path> definedIn, List<Path> files, Path projectDir) {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        named(merged, "services")
                .forEach((name, definition) ->
                        services.put(name, new ComposeService(name, definedIn.get(name), definition)));
        if (services.isEmpty()) {
            String names = files.stream().map(file -> shown(projectDir, file)).collect(Collectors.joining(", "));
            throw new BuildFailure(
                    (files.size() == 1 ? "Compose file " + names + " defines" : "Compose files " + names + " define")
                            + " no services; a compose file lists them under 'services:'.");
        }
        return Collections.unmodifiableMap(services);
    }

    /**
     * The environment, then the {@code .env} file for what the environment does not set, as compose reads them. The
     * file's values may use the environment's variables and those of the lines above.
     */
    private static Map<String, String> variables(
            Path dotEnv, String shown, Map<String, String> environment, Console console) {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        if (!Files.isRegularFile(dotEnv)) {
            return variables;
        }
        Set<String> unset = new LinkedHashSet<>();
        try {
            EnvFile.readDotEnv(dotEnv, environment::get, Interpolation.dotEnv(environment, unset::add))
                    .forEach(variables::putIfAbsent);
        } catch (IllegalArgumentException e) {
            throw new BuildFailure("Compose .env file " + shown + ": " + e.getMessage() + ".", e);
        }
        for (String name : unset) {
            console.warn("Compose .env file " + shown + ": the variable " + name + " is not set, so an empty string"
                    + " is used, as docker compose does. Set it in the environment or above in " + shown + ".");
        }
        return variables;
    }

    /** A top-level mapping of names ({@code services}, {@code volumes}, {@code networks}), empty values as {}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> named(Map<String, Object> document, String key) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        Object value = document.get(key);
        if (value != null) {
            ((Map<String, Object>) value)
                    .forEach((name, definition) -> named.put(
                            name, definition == null ? new LinkedHashMap<>() : (Map<String, Object>) definition));
        }
        return Collections.unmodifiableMap(named);
    }

    private static Path relative(Path projectDir, Path file) {
        return file.startsWith(projectDir) ? projectDir.relativize(file) : file;
    }

    private static String shown(Path projectDir, Path file) {
        return relative(projectDir, file).toString();
    }
}

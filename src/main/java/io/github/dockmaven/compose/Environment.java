package io.github.dockmaven.compose;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.EnvFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A service's environment: its {@code env_file}s in order (a string, a list, or entries with {@code path} and {@code
 * required}), then {@code environment} (a map, or a list of {@code NAME=value}), which wins. A name given without a
 * value takes the variable of that name that interpolation read, and is left out when there is none, as compose does.
 * An env file is read in compose's {@code .env} format, which differs from Docker's {@code --env-file}: quotes are
 * removed, {@code export} and comments are allowed, and {@code ${VAR}} is expanded.
 */
final class Environment {

    private static final Set<String> ENV_FILE_KEYS = Set.of("path", "required", "format");

    private Environment() {}

    static Map<String, String> of(ComposeModel model, ComposeService service) {
        Map<String, String> env = new LinkedHashMap<>();
        Node files = Node.of(service, "env_file");
        if (!files.isAbsent()) {
            files.listOrSingle().forEach(file -> env.putAll(envFile(model, file)));
        }
        Node environment = Node.of(service, "environment");
        if (!environment.isAbsent()) {
            env.putAll(environment.keyValues(model.variables()::get));
        }
        return env;
    }

    private static Map<String, String> envFile(ComposeModel model, Node file) {
        Node path = file;
        boolean required = true;
        if (file.isMap()) {
            file.map(ENV_FILE_KEYS);
            path = file.get("path");
            if (path.isAbsent()) {
                throw file.fail("has no 'path'. Add path: ./the.env.");
            }
            required = file.get("required").boolOr(true);
            Node format = file.get("format");
            if (!format.isAbsent()) {
                throw format.invalid("is not supported; leave format out for KEY=value lines");
            }
        }
        Path resolved = model.directory().resolve(path.text()).normalize();
        if (!required && !Files.exists(resolved)) {
            return Map.of();
        }
        try {
            // compose reads an env_file as it reads .env: quotes, export, comments, ${VAR} from the variables
            return EnvFile.readDotEnv(
                    resolved, model.variables()::get, Interpolation.dotEnv(model.variables(), unset -> {}));
        } catch (IllegalArgumentException e) {
            throw new BuildFailure(
                    path.where() + ": the env file " + resolved + " cannot be used: " + e.getMessage()
                            + ". Fix the file" + (file.isMap() ? "" : ", or use the long syntax with required: false")
                            + ".",
                    e);
        }
    }
}

package io.github.dockmaven.compose;

import io.github.dockmaven.core.ImageBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code build}: a context folder as one string, or {@code context}, {@code dockerfile}, {@code args},
 * {@code target}, {@code pull}, {@code no_cache}; paths relative to the compose file's folder.
 */
final class Builds {

    private static final Set<String> KEYS = Set.of("context", "dockerfile", "args", "target", "pull", "no_cache");

    private Builds() {}

    /** How the service's image is built, or null when it has no {@code build}; the context and Dockerfile exist. */
    static ImageBuild of(ComposeModel model, ComposeService service) {
        Node build = Node.of(service, "build");
        if (build.isAbsent()) {
            return null;
        }
        if (!build.isMap()) {
            return checked(build, model.directory().resolve(build.text()), "Dockerfile", Map.of(), null, false, false);
        }
        Map<String, Node> keys = build.map(KEYS);
        Node args = build.get("args");
        Node target = build.get("target");
        return checked(
                keys.getOrDefault("context", build),
                model.directory().resolve(build.get("context").textOr(".")),
                build.get("dockerfile").textOr("Dockerfile"),
                args.isAbsent() ? Map.of() : args.keyValues(model.variables()::get),
                target.textOr(null),
                build.get("pull").boolOr(false),
                build.get("no_cache").boolOr(false));
    }

    private static ImageBuild checked(
            Node context,
            Path dir,
            String dockerfile,
            Map<String, String> args,
            String target,
            boolean pull,
            boolean noCache) {
        Path folder = dir.normalize();
        if (!Files.isDirectory(folder)) {
            throw context.fail("names the build context " + folder + ", which is not a folder. Give a folder"
                    + " relative to the compose file (a Git URL is not supported).");
        }
        if (!Files.isRegularFile(folder.resolve(dockerfile))) {
            throw context.fail("has no Dockerfile " + dockerfile + " in " + folder + ". Add it, or name the file"
                    + " with build.dockerfile.");
        }
        return new ImageBuild(folder, dockerfile, args, target, pull, noCache);
    }
}

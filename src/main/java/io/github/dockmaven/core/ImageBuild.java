package io.github.dockmaven.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How a container's image is built from a Dockerfile (the {@code <build>} element), checked: the context exists and
 * holds the Dockerfile.
 *
 * @param context the build context folder, absolute
 * @param dockerfile the Dockerfile's path relative to the context
 * @param args the build args
 * @param target the stage of a multi-stage Dockerfile to build, or null for the last one
 * @param pull whether newer base images are always pulled
 * @param noCache whether the engine's layer cache is ignored
 */
public record ImageBuild(
        Path context, String dockerfile, Map<String, String> args, String target, boolean pull, boolean noCache) {

    public ImageBuild {
        args = Map.copyOf(args);
    }

    /**
     * The tag of a built image whose container names none: one per project and alias, so that a rebuild takes it
     * over (the engine's layer cache applies, and the image it replaces becomes dangling instead of piling up).
     */
    public static String defaultTag(String artifactId, String alias) {
        String name = (artifactId + "-" + alias).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        // a repository path component must start and end with a letter or digit
        name = name.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return "dock/" + name + ":latest";
    }
}

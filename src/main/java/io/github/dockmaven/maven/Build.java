package io.github.dockmaven.maven;

import java.util.Map;

/**
 * The {@code <build>} element of a {@code <container>}, as Maven binds it: how its image is built from a Dockerfile.
 * {@link ConfigMapper} checks it; nothing else reads it.
 */
public class Build {

    /**
     * Required: the build context folder, relative to the project (e.g. {@code .} or {@code src/docker}); a {@code
     * .dockerignore} in it is honoured.
     *
     * @since 0.1.0
     */
    String context;

    /**
     * The Dockerfile's path relative to the context; default {@code Dockerfile}.
     *
     * @since 0.1.0
     */
    String dockerfile;

    /**
     * Build args, {@code <NAME>value</NAME>}, as {@code docker build --build-arg}.
     *
     * @since 0.1.0
     */
    Map<String, String> args;

    /**
     * The stage of a multi-stage Dockerfile to build; default: the last one.
     *
     * @since 0.1.0
     */
    String target;

    /**
     * {@code true}: always pull newer versions of the base images; default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean pull;

    /**
     * {@code true}: build without the engine's layer cache; default {@code false}.
     *
     * @since 0.1.0
     */
    Boolean noCache;
}

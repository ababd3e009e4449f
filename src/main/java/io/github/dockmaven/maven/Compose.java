package io.github.dockmaven.maven;

import java.util.List;

/**
 * The {@code <compose>} element of the POM, as Maven binds it: compose files whose services run as containers, each
 * with the service's name as its alias. {@link ComposeConfig} checks it; nothing else reads it.
 */
public class Compose {

    /**
     * The compose file, relative to the project, e.g. {@code src/it/compose.yaml}. Give either this or {@code files}.
     *
     * @since 0.1.0
     */
    String file;

    /**
     * Several compose files, relative to the project, as {@code <file>} elements, merged in order as {@code docker
     * compose -f a.yaml -f b.yaml} merges them; relative paths inside every file are resolved against the first one's
     * folder, and the {@code .env} file is the one beside the first. Give either this or {@code file}.
     *
     * @since 0.1.0
     */
    List<String> files;

    /**
     * The services to run, as {@code <service>} elements, each with the services it depends on; default: every service
     * that its {@code profiles} enable.
     *
     * @since 0.1.0
     */
    List<String> services;

    /**
     * The compose profiles to enable, as {@code <profile>} elements: a service with {@code profiles} runs only when
     * one of them is enabled; a service without runs always. Default: none.
     *
     * @since 0.1.0
     */
    List<String> profiles;
}

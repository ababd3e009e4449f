package io.github.dockmaven.compose;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service of the merged compose files, interpolated but not yet mapped.
 *
 * @param name the service's name: the alias of its container
 * @param file the file that first defined it, relative to the project folder: for messages
 * @param definition its keys as the YAML gave them after merging and interpolation: strings, numbers, booleans,
 *     lists and maps ({@code LinkedHashMap}, in file order)
 */
public record ComposeService(String name, Path file, Map<String, Object> definition) {}

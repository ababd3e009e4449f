package io.github.dockmaven.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The compose files of one {@code <compose>} element, merged in order and interpolated.
 *
 * @param files the files, in merge order
 * @param directory the first file's folder: relative paths in every file are resolved against it, as compose does
 * @param services the services in file order, by name
 * @param volumes the top-level {@code volumes}, by name (an empty map for a volume declared without keys)
 * @param networks the top-level {@code networks}, by name (an empty map for a network declared without keys)
 * @param variables what interpolation read: the environment, then the {@code .env} file beside the first file; also
 *     the values of {@code environment} entries given without one ({@code - DEBUG})
 */
public record ComposeModel(
        List<Path> files,
        Path directory,
        Map<String, ComposeService> services,
        Map<String, Map<String, Object>> volumes,
        Map<String, Map<String, Object>> networks,
        Map<String, String> variables) {}

/**
 * Compose files as configuration: read with a YAML library, merged and interpolated as {@code docker compose} does
 * ({@link io.github.dockmaven.compose.ComposeFiles}), then mapped to the same {@link
 * io.github.dockmaven.core.ContainerSpec}s a {@code <container>} becomes ({@link
 * io.github.dockmaven.compose.ComposeServices}). No compose CLI is involved. Uses only the core's types, the JDK and
 * the YAML library; the Maven layer calls it.
 */
package io.github.dockmaven.compose;

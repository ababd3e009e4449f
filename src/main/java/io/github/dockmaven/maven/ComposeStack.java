package io.github.dockmaven.maven;

import io.github.dockmaven.core.ContainerSpec;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compose services of {@code <compose>}, read by {@link ComposeConfig}.
 *
 * @param services the services that run (enabled by the profiles, in the subset), as containers
 * @param declared every service the files declare, also one that does not run, with the file that declares it
 *     (relative to the project): a {@code <container>} with such a name adds to the service or collides with it
 */
record ComposeStack(List<ContainerSpec> services, Map<String, Path> declared) {

    /** No {@code <compose>}. */
    static final ComposeStack NONE = new ComposeStack(List.of(), Map.of());

    /** The aliases of the services that run. */
    Set<String> running() {
        Set<String> aliases = new LinkedHashSet<>();
        services.forEach(s -> aliases.add(s.alias()));
        return aliases;
    }
}

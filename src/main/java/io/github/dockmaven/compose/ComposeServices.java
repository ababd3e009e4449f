package io.github.dockmaven.compose;

import io.github.dockmaven.core.ContainerSpec;
import java.util.List;

/** Maps the services of a {@link ComposeModel} to containers, as a {@code <container>} would be. */
public final class ComposeServices {

    private ComposeServices() {}

    /**
     * The containers of the services that run: those enabled by {@code profiles} (a service without {@code
     * profiles} always is), restricted to {@code services} plus what they depend on when that list is not empty.
     * Throws {@link io.github.dockmaven.core.BuildFailure} naming file, service, key and value for a value that is
     * wrong, a {@code depends_on} to a missing service, or a cycle.
     *
     * @param project the project's artifactId, for the default tag of an image built from {@code build}
     */
    public static List<ContainerSpec> map(
            ComposeModel model, List<String> profiles, List<String> services, String project) {
        throw new UnsupportedOperationException("not yet");
    }
}

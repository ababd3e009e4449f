package io.github.dockmaven.maven;

import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.VolumeMount;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether containers need what the build makes before they can start: an image built from a context that holds (or
 * lies in) the build directory, a file copied in or a folder mounted from there. Such containers cannot start early:
 * when the project's build begins, {@code target/} is not built yet, and {@code mvn clean} may be about to delete it.
 */
final class BuildOutputUse {

    private BuildOutputUse() {}

    /** What of {@code plan} uses {@code buildDirectory}, for the debug line that says why it waits; empty if nothing. */
    static Optional<String> of(Plan plan, Path buildDirectory) {
        Path target = buildDirectory.toAbsolutePath().normalize();
        for (ContainerSpec spec : plan.containers()) {
            if (spec.build() != null && overlaps(spec.build().context(), target)) {
                return Optional.of("the image of '" + spec.alias() + "' is built from "
                        + spec.build().context() + ", which holds or lies in the build directory " + target);
            }
            for (CopyEntry entry : spec.copyIn()) {
                if (overlaps(Path.of(entry.from()), target)) {
                    return Optional.of(
                            "'" + spec.alias() + "' copies in " + entry.from() + " from the build directory");
                }
            }
            for (VolumeMount volume : spec.volumes()) {
                if (!volume.named() && overlaps(Path.of(volume.source()), target)) {
                    return Optional.of(
                            "'" + spec.alias() + "' mounts " + volume.source() + " from the build directory");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean overlaps(Path path, Path target) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(target) || target.startsWith(normalized);
    }
}

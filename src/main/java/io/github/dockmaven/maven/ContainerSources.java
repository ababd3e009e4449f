package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The containers of the POM, from both of its sources: the services of {@code <compose>} and the {@code
 * <containers>}, one list of checked {@link ContainerSpec}s in which nothing says where a container came from. A
 * {@code <container>} with a service's name and neither {@code <image>} nor {@code <build>} adds to that service (see
 * {@link ConfigMapper#overlay}); any other name shared by both is an error. A {@code <dependsOn>} may name containers
 * and services alike.
 */
final class ContainerSources {

    private ContainerSources() {}

    /**
     * Reads the compose files of {@code compose} (interpolated from the process environment, then their {@code .env})
     * and merges their services with {@code containers}; throws {@link BuildFailure} at the first mistake.
     *
     * @param compose the {@code <compose>} element, or null
     */
    static List<ContainerSpec> of(
            Compose compose, List<Container> containers, Path baseDir, String artifactId, Console console) {
        ComposeStack stack = ComposeConfig.load(compose, baseDir, artifactId, System.getenv(), console);
        return merge(stack, containers, baseDir, artifactId);
    }

    /** The services of {@code stack}, each with its overlay applied, then the other {@code containers}. */
    static List<ContainerSpec> merge(ComposeStack stack, List<Container> containers, Path baseDir, String artifactId) {
        List<Container> all = containers == null ? List.of() : containers;
        Map<String, Container> overlays = new LinkedHashMap<>();
        for (Container c : all) {
            String alias = c.alias == null ? null : c.alias.trim();
            Path file = alias == null ? null : stack.declared().get(alias);
            if (file == null) {
                continue;
            }
            if (!ConfigMapper.isOverlay(c, stack)) {
                throw collision(alias, c, file);
            }
            if (overlays.put(alias, c) != null) {
                throw ConfigMapper.duplicateAlias(alias);
            }
        }
        List<ContainerSpec> own = ConfigMapper.map(all, baseDir, artifactId, stack);
        Set<String> known = new TreeSet<>(stack.running());
        own.forEach(spec -> known.add(spec.alias()));
        List<ContainerSpec> specs = new ArrayList<>();
        for (ContainerSpec service : stack.services()) {
            Container overlay = overlays.get(service.alias());
            specs.add(
                    overlay == null
                            ? service
                            : ConfigMapper.overlay(
                                    service, stack.declared().get(service.alias()), overlay, baseDir, known));
        }
        // an overlay of a service that does not run (its profile is off, or it is outside <services>) is left out
        // with it: the same POM serves every profile
        specs.addAll(own);
        return specs;
    }

    private static BuildFailure collision(String alias, Container c, Path file) {
        String what = c.image != null && !c.image.isBlank() ? "<image>" + c.image.trim() + "</image>" : "<build>";
        return new BuildFailure("Container '" + alias + "' (" + what + ") has the name of the compose service '"
                + alias + "' of " + file + ". Rename the <container>, or remove its <image> and <build> so that it"
                + " adds to the service; it may then set " + OverlayElements.describe() + ".");
    }
}

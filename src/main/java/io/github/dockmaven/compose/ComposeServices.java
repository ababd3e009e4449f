package io.github.dockmaven.compose;

import io.github.dockmaven.compose.ServiceSelection.Selected;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.ShellWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the services of a {@link ComposeModel} to containers, as a {@code <container>} would be: the alias is the
 * service's name, the image is pulled when missing, and each key family has its reader ({@link Ports}, {@link
 * Volumes}, {@link Networks}, {@link Healthchecks}, {@link Builds}, {@link Environment}, {@link RunOptionKeys},
 * {@link DependsOn}, {@link Waits}). Keys that a test run cannot honour fail with the file, service, key path and
 * value; {@code expose}, {@code depends_on.*.restart} and a port's {@code mode} are accepted and have no effect.
 */
public final class ComposeServices {

    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

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
        List<Selected> selected = ServiceSelection.select(model, profiles, services);
        List<ContainerSpec> specs = new ArrayList<>();
        for (Selected service : selected) {
            specs.add(spec(model, service, selected, project));
        }
        return specs;
    }

    private static ContainerSpec spec(ComposeModel model, Selected selected, List<Selected> all, String project) {
        ComposeService service = selected.service();
        ImageBuild build = Builds.of(model, service);
        Node image = Node.of(service, "image");
        if (image.isAbsent() && build == null) {
            throw Node.fail(
                    service,
                    "it has neither image nor build. Add image: <name[:tag]>, or build: <context"
                            + " folder> to build one.");
        }
        Volumes.Mounts mounts = Volumes.of(model, service);
        Networks.Joined networks = Networks.of(model, service);
        Healthcheck healthcheck = Healthchecks.of(service);
        Ports.checkExpose(service);
        return new ContainerSpec(
                service.name(),
                image.isAbsent() ? ImageBuild.defaultTag(project, service.name()) : image.text(),
                containerName(service),
                PullPolicy.MISSING,
                null,
                words(service, "command"),
                words(service, "entrypoint"),
                Environment.of(model, service),
                labels(service),
                Ports.of(service),
                mounts.volumes(),
                List.copyOf(selected.dependsOn().keySet()),
                networks.networks(),
                Waits.of(service, healthcheck, all),
                StopMode.STOP,
                stopGracePeriod(service),
                RunOptionKeys.of(service, mounts.tmpfs(), networks.aliases(), healthcheck),
                build,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false);
    }

    /** A string split like a shell splits words (no shell runs), or a list taken as it is; null when absent. */
    private static List<String> words(ComposeService service, String key) {
        Node node = Node.of(service, key);
        if (node.isAbsent()) {
            return null;
        }
        return node.isList() ? node.list().stream().map(Node::text).toList() : node.parse(ShellWords::split);
    }

    private static Map<String, String> labels(ComposeService service) {
        Node labels = Node.of(service, "labels");
        return labels.isAbsent() ? Map.of() : labels.keyValues(name -> "");
    }

    private static String containerName(ComposeService service) {
        Node name = Node.of(service, "container_name");
        if (!name.isAbsent() && !CONTAINER_NAME.matcher(name.text()).matches()) {
            throw name.invalid("is not a container name; use letters, digits, '_', '.' and '-', starting with a letter"
                    + " or digit");
        }
        return name.textOr(null);
    }

    private static Duration stopGracePeriod(ComposeService service) {
        Node period = Node.of(service, "stop_grace_period");
        return period.isAbsent() ? ContainerSpec.DEFAULT_STOP_TIMEOUT : period.parse(Durations::parse);
    }
}

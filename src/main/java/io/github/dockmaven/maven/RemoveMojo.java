package io.github.dockmaven.maven;

import io.github.dockmaven.core.Cleanup;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Owners;
import io.github.dockmaven.core.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes every container, network and volume this plugin created for this project, in this build or in earlier ones
 * (leftovers of crashed builds, or of {@code dock.keep}), stopping running containers first. Those of another build
 * of the project that is still running on this machine are left alone.
 */
@Mojo(name = "remove", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class RemoveMojo extends AbstractDockMojo {

    /**
     * Also removes the images the removed containers used, unless another container still uses them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.removeImages", defaultValue = "false")
    boolean removeImages;

    /**
     * Whether the volumes this plugin created for the project are removed with the containers; {@code false} leaves
     * them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.removeVolumes", defaultValue = "true")
    boolean removeVolumes;

    @Override
    String goal() {
        return "remove";
    }

    @Override
    void run() {
        BuildSession build = buildSession();
        Map<String, String> filter = Labels.ofProject(projectId());
        Cleanup cleanup = new Cleanup(engine(), console(), build.executor());
        Set<String> images = removeImages ? cleanup.imagesOf(filter) : Set.of();
        String ownSession = build.id();
        Cleanup.Result result = cleanup.remove(
                filter,
                removeVolumes,
                labels -> !ownSession.equals(labels.get(Labels.SESSION))
                        && Labels.MODE_LIFECYCLE.equals(labels.get(Labels.MODE))
                        && Owners.isAlive(labels));
        for (RunRecord run : build.liveRuns(projectId())) {
            build.unregister(run);
        }
        Object runs = getPluginContext() == null ? null : getPluginContext().get(RunMojo.RUNS);
        if (runs instanceof List<?> list) {
            list.clear();
        }
        int total = result.containers().size()
                + result.networks().size()
                + result.volumes().size();
        if (total == 0) {
            getLog().info("Nothing to remove for " + projectId());
        } else {
            getLog().info("Removed " + count(result.containers().size(), "container") + ", "
                    + count(result.networks().size(), "network") + " and "
                    + count(result.volumes().size(), "volume")
                    + " of " + projectId());
        }
        if (!result.kept().isEmpty()) {
            getLog().info("Left " + result.kept().size() + " resources of another build of " + projectId()
                    + " that is still running: " + String.join(", ", result.kept()));
        }
        if (removeImages) {
            List<String> removed = cleanup.removeImages(images);
            removed.forEach(image -> getLog().info("Removed image " + image));
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

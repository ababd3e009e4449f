package io.github.dockmaven.maven;

import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes every container, network and volume this plugin created for this project, in this build or in earlier ones
 * (leftovers of crashed builds, or of {@code dock.keep}), stopping running containers first. Those of another build
 * of the project that is still running on this machine are left alone. Outside a project it removes what {@code mvn
 * dock:run -Ddock.image=...} started in the folder.
 */
@Mojo(name = "remove", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true, requiresProject = false)
public class RemoveMojo extends AbstractDockMojo {

    /**
     * Also removes the images the removed containers used, and the images {@code run} built for the project, unless
     * another container still uses them.
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
        String ownSession = build.id();
        Teardown teardown = new Teardown(engine(), console(), build.executor());
        TeardownReport report = teardown.remove(
                Selection.byLabels(Labels.ofProject(projectId()))
                        .sparing(found -> found.labels().isOfAnotherLiveBuild(ownSession)),
                RemovalPolicy.stop().withVolumes(removeVolumes));
        report.throwIfIncomplete();
        for (RunRecord run : build.liveRuns(projectId())) {
            build.unregister(run);
        }
        Object runs = getPluginContext() == null ? null : getPluginContext().get(RunMojo.RUNS);
        if (runs instanceof List<?> list) {
            list.clear();
        }
        if (report.total() == 0) {
            getLog().info("Nothing to remove for " + projectId());
        } else {
            getLog().info("Removed " + report.counts() + " of " + projectId());
        }
        if (!report.spared().isEmpty()) {
            getLog().info("Left " + report.spared().size() + " resources of another build of " + projectId()
                    + " that is still running: " + String.join(", ", report.spared()));
        }
        if (removeImages) {
            List<String> images = new ArrayList<>();
            report.containers().stream().map(Started::image).forEach(images::add);
            // the images built for the project, also when their containers were removed by an earlier stop
            images.addAll(engine().listImages(Labels.ofProject(projectId())));
            teardown.removeImages(images).forEach(image -> getLog().info("Removed image " + image));
        }
    }
}

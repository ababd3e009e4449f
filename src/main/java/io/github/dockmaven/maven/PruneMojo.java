package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A scoped {@code docker system prune}: removes the stopped containers, unused networks, unused volumes and dangling
 * images that carry this plugin's labels; prints each resource removed and the space reclaimed. Nothing without our
 * labels is touched. Outside a project, {@code project} means what the command line started in the folder.
 */
@Mojo(name = "prune", threadSafe = true, requiresProject = false)
public class PruneMojo extends AbstractDockMojo {

    /**
     * What to prune: {@code project} (default: what this plugin created for this project) or {@code all} (what this
     * plugin created for any project).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.prune.scope", defaultValue = "project")
    String scope;

    /**
     * Whether dangling images (untagged and used by no container) that {@code run} built are removed too: a rebuild
     * leaves the image it replaced dangling.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.prune.images", defaultValue = "true")
    boolean images;

    @Override
    String goal() {
        return "prune";
    }

    @Override
    void run() {
        Map<String, String> filter =
                switch (scope == null ? "project" : scope.trim().toLowerCase(Locale.ROOT)) {
                    case "project" -> Labels.ofProject(projectId());
                    case "all" -> Labels.ofPlugin();
                    default ->
                        throw new BuildFailure("dock.prune.scope '" + scope
                                + "' is not a scope: use project (this project's resources) or all (every project's).");
                };
        TeardownReport report = new Teardown(engine(), console(), buildSession().executor())
                .remove(Selection.unused(filter), RemovalPolicy.prune());
        if (images) {
            report = report.withImages(engine().pruneDanglingImages(filter));
        }
        report.pruned().forEach(getLog()::info);
        report.throwIfIncomplete();
    }
}

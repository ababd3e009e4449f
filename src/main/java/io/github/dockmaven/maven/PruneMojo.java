package io.github.dockmaven.maven;

import io.github.dockmaven.core.Cleanup;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.Labels;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A scoped {@code docker system prune}: removes the stopped containers, unused networks and unused volumes that carry
 * this plugin's labels, and dangling images; prints each resource removed and the space reclaimed. Nothing without
 * our labels is touched, except dangling (untagged, unused) images.
 */
@Mojo(name = "prune", threadSafe = true)
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
     * Whether dangling images (untagged and used by no container, whoever built them) are removed too.
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
                        throw new io.github.dockmaven.core.BuildFailure("dock.prune.scope '" + scope
                                + "' is not a scope: use project (this project's resources) or all (every project's).");
                };
        List<Engine.Removed> removed =
                new Cleanup(engine(), console(), buildSession().executor()).prune(filter, images);
        long bytes = 0;
        for (Engine.Removed r : removed) {
            getLog().info("Removed " + r.kind() + " " + r.name()
                    + (r.bytes() > 0 ? " (" + Cleanup.bytes(r.bytes()) + ")" : ""));
            bytes += r.bytes();
        }
        getLog().info("Pruned " + removed.size() + " resource" + (removed.size() == 1 ? "" : "s") + "; reclaimed "
                + Cleanup.bytes(bytes));
    }
}

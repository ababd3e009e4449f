package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.StopHooks;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops and removes the containers that {@code dock:run} started for this project in this build, and the network and
 * volumes it created: all at once, in reverse dependency order, each gracefully within its {@code stopTimeout} or
 * killed. Run on its own ({@code mvn dock:stop}), it finds the containers a command-line {@code mvn dock:run} left
 * running by their labels; without a project, those of the folder it runs in. With several {@code run} executions, a {@code stop} execution stops those of its own
 * execution id, and those of run executions that have no stop of their own.
 */
@Mojo(
        name = "stop",
        defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST,
        threadSafe = true,
        // removes what mvn dock:run -Ddock.image=... started in a folder without a project
        requiresProject = false)
public class StopMojo extends AbstractDockMojo {

    /**
     * Leaves the containers, network and volumes in place, for debugging; {@code mvn dock:remove} removes them later.
     * Set it for {@code run} too (as a property, or in the plugin's {@code <configuration>}) so that what is kept is
     * also left by an interrupted or killed build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.keep", defaultValue = "false")
    boolean keep;

    /**
     * Whether the named volumes that {@code run} created are removed with the containers; {@code false} leaves them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.removeVolumes", defaultValue = "true")
    boolean removeVolumes;

    /**
     * The {@code <containers>} of {@code run}, when they are configured for the plugin as a whole: a {@code mvn
     * dock:stop} on its own, which finds by their labels the containers of a command-line {@code mvn dock:run}, then
     * runs their {@code preStop} commands and {@code copyOut} copies as this configuration says. Default: none, and
     * such a stop only stops and removes.
     *
     * @since 0.1.0
     */
    @Parameter
    List<Container> containers;

    /**
     * The {@code <compose>} of {@code run}, when it is configured for the plugin as a whole: a {@code mvn dock:stop}
     * on its own then runs the {@code preStop} commands and {@code copyOut} copies of the {@code <container>}s that add
     * to its services. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    Compose compose;

    @Override
    String goal() {
        return "stop";
    }

    @Override
    String skipReason() {
        return testSkipReason();
    }

    @Override
    void run() {
        List<RunRecord> all = runsOfThisSession();
        List<RunRecord> runs = runsToStop(all);
        if (runs.isEmpty()) {
            if (!all.isEmpty()) {
                getLog().info("Nothing to stop for execution '" + mojoExecution.getExecutionId() + "': the runs of "
                        + projectId() + " still up belong to executions with a stop of their own");
            } else if (fromCommandLine()) {
                stopByLabels();
            } else {
                getLog().info("Nothing to stop: dock:run started no containers for " + projectId() + " in this build");
            }
            return;
        }
        BuildSession build = buildSession();
        if (keep) {
            for (RunRecord run : runs) {
                build.keep(run);
                forget(run);
                getLog().info("Keeping " + describe(run.containers()) + " (dock.keep is set); remove them with mvn"
                        + " dock:remove");
            }
            return;
        }
        Teardown teardown = new Teardown(engine(), console(), build.executor());
        RemovalPolicy policy = RemovalPolicy.stop().withVolumes(removeVolumes);
        TeardownReport stopped = TeardownReport.empty();
        for (RunRecord run : runs) {
            run.reused().forEach(kept -> getLog().info("Leaving " + kept.describe() + " running for the next build"
                    + " (<reuse>); mvn dock:remove removes it"));
            // A pooled connection that died with an engine restart is retried by the adapter, for every call.
            TeardownReport report = teardown.removeRun(run, policy);
            stopped = stopped.plus(report);
            if (!removeVolumes) {
                build.keep(run.volumes());
            }
            build.unregister(run, report.isComplete());
            forget(run);
        }
        if (!stopped.isComplete()) {
            throw new EngineException(stopped.failureMessage()
                    + "\nWhat is left is removed when Maven exits if the engine answers by then, else by the watchdog"
                    + " or the next dock:run of " + projectId() + "; mvn dock:remove removes it too.");
        }
    }

    private void stopByLabels() {
        Map<String, String> filter = Labels.ofProject(projectId());
        filter.put(Labels.MODE, Labels.MODE_CLI);
        TeardownReport report = new Teardown(engine(), console(), buildSession().executor())
                .remove(
                        Selection.byLabels(filter).withHooks(configuredHooks()),
                        RemovalPolicy.stop().withVolumes(removeVolumes));
        report.throwIfIncomplete();
        if (report.containers().isEmpty()) {
            getLog().info("Nothing to stop: no containers started by mvn dock:run for " + projectId());
        }
    }

    /**
     * The preStop commands and copyOut copies of the configured containers, by alias. A configuration that no longer
     * maps (a copyIn source removed since) is no reason not to stop: it is a warning, and nothing is run around the stop.
     */
    private Map<String, StopHooks> configuredHooks() {
        Map<String, StopHooks> hooks = new HashMap<>();
        try {
            for (ContainerSpec spec : ContainerSources.of(
                    compose, containers, identity().baseDir(), project.getArtifactId(), console())) {
                hooks.put(spec.alias(), StopHooks.of(spec));
            }
        } catch (BuildFailure e) {
            getLog().warn("Not running preStop or copyOut: " + e.getMessage());
            return Map.of();
        }
        return hooks;
    }

    /**
     * The runs this stop is responsible for: those of its own execution, and those of run executions that have no
     * stop of their own. So two executions that both run and stop keep their containers apart, and one stop
     * execution still stops everything when it is the only one.
     */
    private List<RunRecord> runsToStop(List<RunRecord> all) {
        String own = mojoExecution.getExecutionId();
        Set<String> withStop = new HashSet<>();
        Plugin plugin = project.getPlugin(
                mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey());
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(goal())) {
                    withStop.add(execution.getId());
                }
            }
        }
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord run : all) {
            String execution = run.scope().execution();
            if (execution.equals(own) || !withStop.contains(execution)) {
                runs.add(run);
            }
        }
        return runs;
    }

    @SuppressWarnings("unchecked")
    private List<RunRecord> runsOfThisSession() {
        Object runs = getPluginContext() == null ? null : getPluginContext().get(RunMojo.RUNS);
        return runs == null ? List.of() : (List<RunRecord>) runs;
    }

    private void forget(RunRecord run) {
        Object runs = getPluginContext() == null ? null : getPluginContext().get(RunMojo.RUNS);
        if (runs instanceof List<?> list) {
            list.remove(run);
        }
    }

    static String describe(List<Started> containers) {
        return containers.size() + " container" + (containers.size() == 1 ? "" : "s") + " ("
                + containers.stream().map(Started::describe).collect(Collectors.joining(", ")) + ")";
    }
}

package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerOutput;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.ExportedProperties;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Leftovers;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.PlanDifferences;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.PullDisplay;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.Started;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import io.github.dockmaven.core.start.Starter;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the configured containers and waits until each is ready: pulls what is missing, creates the build's network
 * and volumes, starts containers in dependency order (independent ones in parallel), exports {@code
 * dock.<alias>.*} properties and streams each container's output. If anything fails, everything this execution
 * created is removed before the build fails.
 *
 * <p>Bound to the lifecycle, the containers are gone when the build ends, however it ends: the session's shutdown hook
 * removes them when Maven is interrupted, and a watchdog process when Maven is killed. Typed on the command line
 * ({@code mvn dock:run}), they keep running after Maven exits, until {@code mvn dock:stop}.
 *
 * <p>Before it starts anything, it removes what earlier builds of the project left behind when they died (see {@link
 * Leftovers}).
 *
 * <p>With {@code -Ddock.image}, it starts that one container instead of the POM's, in any folder, a project or not
 * (see {@link CommandLineContainer}).
 */
@Mojo(
        name = "run",
        defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        threadSafe = true,
        // one container from the command line runs in any folder: mvn dock:run -Ddock.image=redis:7
        requiresProject = false)
public class RunMojo extends AbstractDockMojo {

    /** The plugin-context key under which the runs of this project in this session are kept for {@code stop}. */
    static final String RUNS = "io.github.dockmaven.runs";

    /** The plugin-context key of the aliases whose output files are taken, with the execution that took each. */
    static final String OUTPUTS = "io.github.dockmaven.outputs";

    /**
     * The containers to start, one {@code <container>} each, with these elements (all optional but {@code alias}, and
     * {@code image} or {@code build} unless the alias names a service of {@code compose}: the container then adds its
     * {@code wait}, {@code stopMode}, {@code stopTimeout}, {@code postStart}, {@code preStop}, {@code copyIn},
     * {@code copyOut}, {@code reuse} and {@code dependsOn} to that service; docs/configuration.md of the plugin's
     * sources has examples):
     *
     * <ul>
     *   <li>{@code alias}: unique, {@code [a-z0-9][a-z0-9_.-]*}; names it in logs, in the {@code dock.<alias>.*}
     *       properties and {@code dependsOn}, and is its DNS name on the build's network.
     *   <li>{@code image}: {@code name[:tag]} or {@code name@digest}; with {@code build}, the tag the built image gets.
     *   <li>{@code build}: builds the image from a Dockerfile through the engine's API, before containers are
     *       created: {@code context} (folder, relative to the project; {@code .dockerignore} honoured),
     *       {@code dockerfile} (default {@code Dockerfile} in the context), {@code args} ({@code <NAME>value</NAME>}),
     *       {@code target} (a stage), {@code pull} (newer base images), {@code noCache}. Default tag
     *       {@code dock/<artifactId>-<alias>:latest}.
     *   <li>{@code name}: a fixed container name; default one unique to the build.
     *   <li>{@code pullPolicy}: {@code missing} (default), {@code always} or {@code never}.
     *   <li>{@code archive}: a {@code docker save} tarball loaded when the image is missing.
     *   <li>{@code command}, {@code entrypoint}: one string split like shell words, or {@code <arg>} elements.
     *   <li>{@code env} ({@code <NAME>value</NAME>}), {@code envFile} (a file of {@code NAME=value} lines;
     *       {@code env} wins), {@code labels} ({@code <name>value</name>}).
     *   <li>{@code ports}: {@code <port>8080</port>} (a free host port), {@code 18080:8080},
     *       {@code 127.0.0.1:18080:8080}, each optionally {@code /udp}.
     *   <li>{@code volumes}: {@code name:/path} (a named volume per build) or {@code host/path:/path[:ro]}.
     *   <li>{@code dependsOn}: {@code <alias>} elements of containers that must be ready before this one starts.
     *   <li>{@code network} / {@code networks}: existing networks to join instead of the build's own (or
     *       {@code host}, {@code none}); {@code networkAliases}: more DNS names on them.
     *   <li>{@code wait}: conditions that must all hold within {@code timeout} (default {@code 60s}): {@code log} (a
     *       Java regex an output line matches), {@code tcp} (container ports accepting connections), {@code http}
     *       ({@code port}, {@code path} default {@code /}, {@code status} default {@code 200..399}, {@code method}
     *       default {@code GET}), {@code healthy} ({@code true}), {@code exit} (the exit code of a one-shot job).
     *       Default: running, and healthy if the image has a {@code HEALTHCHECK}.
     *   <li>{@code stopMode}: {@code stop} (default) or {@code kill}; {@code stopTimeout}: the grace period before
     *       SIGKILL (default {@code 3s}).
     *   <li>{@code postStart}: {@code <exec>} commands run inside it once its wait holds; it is ready only when each
     *       exited 0. {@code preStop}: {@code <exec>} commands run before a graceful stop; a failure is a warning.
     *   <li>{@code copyIn}: {@code <entry>} elements with {@code from} (a host path) and {@code to} (a container path),
     *       copied after create, before start. {@code copyOut}: {@code <entry>} with {@code from} (a container path)
     *       and {@code to} (a host path, e.g. {@code target/logs/}), copied at stop before removal.
     *   <li>Run options, as {@code docker run}'s: {@code tmpfs} ({@code <mount>/run:size=64m</mount>}),
     *       {@code memory}, {@code memorySwap}, {@code shmSize} (sizes: {@code 512m}, {@code 1g}), {@code cpus}
     *       ({@code 1.5}), {@code ulimits} ({@code <ulimit>nofile=65536:65536</ulimit>}), {@code privileged},
     *       {@code init}, {@code readOnly} ({@code true}/{@code false}), {@code capAdd}, {@code capDrop}
     *       ({@code <cap>NET_ADMIN</cap>}), {@code extraHosts} ({@code <host>name:address</host>}, address
     *       {@code host-gateway} for the engine's host), {@code platform} ({@code linux/amd64}), {@code hostname},
     *       {@code user} ({@code uid[:gid]}), {@code workingDir}, {@code healthcheck} ({@code test} run by a shell
     *       or {@code NONE}, {@code interval}, {@code timeout}, {@code retries}, {@code startPeriod}).
     *   <li>{@code reuse}: {@code true} keeps it running after the build for the next build of the project whose
     *       configuration of it is the same, on a machine that enabled {@code dock.reuse}; see {@code reuse}.
     * </ul>
     *
     * Default: none, and {@code run} starts nothing.
     *
     * @since 0.1.0
     */
    @Parameter
    List<Container> containers;

    /**
     * Compose files whose services start as containers, beside {@code containers}: {@code file} (one compose file,
     * relative to the project) or {@code files} (several, as {@code <file>} elements, merged in order as {@code docker
     * compose -f a -f b} merges them), {@code services} (only these, as {@code <service>} elements, plus what they
     * depend on; default: all) and {@code profiles} (the compose profiles to enable, as {@code <profile>} elements).
     * Each service's alias is its name; its variables are interpolated from the environment, then the {@code .env}
     * file beside the first file. A {@code <container>} with a service's name and neither {@code image} nor {@code
     * build} adds its {@code wait}, {@code stopMode}, {@code stopTimeout}, {@code postStart}, {@code preStop}, {@code
     * copyIn}, {@code copyOut}, {@code reuse} and {@code dependsOn} to that service. The supported keys are listed in {@code
     * docs/configuration.md} of the plugin's sources. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    Compose compose;

    /**
     * Comma-separated aliases of the containers to start, each with the containers it depends on; default: all of
     * them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.filter")
    String filter;

    /**
     * Whether each container's output is shown on the console, each line prefixed with its alias. It is written to
     * {@code logDir} either way.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.showLogs", defaultValue = "true")
    boolean showLogs;

    /**
     * Where each container's output is written, as {@code <alias>.log} ({@code <alias>@<execution id>.log} when an
     * earlier {@code run} execution of this build used the same alias).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.logDir", defaultValue = "${project.build.directory}/dock")
    File logDir;

    /**
     * Keeps the containers, network and volumes after the build, for debugging: {@code stop} leaves them, and so do
     * an interrupted or killed build and later builds of the project; {@code mvn dock:remove} removes them. The same
     * property as {@code stop}'s {@code keep}, read here so that what is kept is marked as such when it is created
     * (label {@code io.github.dockmaven.mode=kept}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.keep", defaultValue = "false")
    boolean keep;

    /**
     * Enables reuse on this machine: the containers with {@code <reuse>true</reuse>} are kept running after the build
     * and used again by the next build of the project whose configuration of them is the same (label {@code
     * io.github.dockmaven.mode=reused}); a changed one is replaced. Set it for your machine only, as {@code
     * -Ddock.reuse=true} or as the property {@code dock.reuse} of an active profile in {@code ~/.m2/settings.xml},
     * never in the POM: without it, as on CI, every container is removed after the build, and containers an earlier
     * build kept are neither used nor removed. {@code mvn dock:remove} removes the kept ones. Applies to lifecycle
     * builds, not to {@code mvn dock:run} typed on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.reuse", defaultValue = "false")
    boolean reuse;

    /**
     * Whether the containers start early, when the plugin is declared with {@code <extensions>true</extensions>}: in
     * the background as soon as the project's build begins, while Maven compiles and runs the unit tests, when the
     * build will reach this execution and no skip applies; {@code run} then takes them over and exports their
     * properties. Containers whose image is built from, or that copy in or mount, anything in the build directory start
     * in {@code run}. A configuration value that differs by then (a property set by a plugin in between) starts them
     * again in {@code run}. Without the extension, or with {@code false}, they start in {@code run}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.early", defaultValue = "true")
    boolean early;

    /**
     * The image of one container to start instead of the POM's {@code <containers>}, as {@code docker run} would:
     * {@code mvn dock:run -Ddock.image=redis:7 -Ddock.ports=6379}, in any folder, a project or not. Its published ports
     * are printed, and typed on the command line it keeps running until {@code mvn dock:stop} in the same folder.
     * Default: none, and the POM's {@code <containers>} are started.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.image")
    String image;

    /**
     * The alias of the {@code dock.image} container; default: the last part of the image's name ({@code redis} for
     * {@code redis:7}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.alias")
    String alias;

    /**
     * The ports the {@code dock.image} container publishes, a comma list in the {@code <port>} syntax: {@code 6379},
     * {@code 16379:6379}, {@code 53/udp}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.ports")
    String ports;

    /**
     * The environment of the {@code dock.image} container: {@code NAME=value} entries separated by commas, e.g. {@code
     * POSTGRES_PASSWORD=secret,TZ=UTC}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.env")
    String env;

    /**
     * The command of the {@code dock.image} container, split like a shell splits words, e.g. {@code redis-server
     * --save ''}. Default: the image's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.command")
    String command;

    /**
     * The {@code dock.image} container is ready once a line of its output matches this Java regex (as {@code
     * <wait><log>}). Default: ready once running (healthy, if its image has a HEALTHCHECK).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.wait.log")
    String waitLog;

    /**
     * The {@code dock.image} container is ready once these container ports (a comma list, each also in {@code
     * dock.ports}) accept TCP connections (as {@code <wait><tcp>}). Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.wait.tcp")
    String waitTcp;

    /** The plugin itself: its jar and dependencies are the watchdog's class path. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    /** The log whose lines are held while this execution starts early; null when it starts in {@code run}. */
    private HeldLog held;

    @Override
    String goal() {
        return "run";
    }

    @Override
    String skipReason() {
        return testSkipReason();
    }

    @Override
    void run() {
        BuildSession build = buildSession();
        EarlyStart early = build.earlyStarts().take(projectId(), mojoExecution.getExecutionId());
        // Finding the engine and starting its client take a while: they go on while the configuration is read.
        Future<Engine> engineLookup = build.executor().submit(this::engine);
        Plan plan = plan();
        if (early != null) {
            List<String> changes =
                    plan == null ? List.of("nothing to start now") : PlanDifferences.between(early.plan(), plan);
            if (changes.isEmpty()) {
                getLog().info("Using the containers started early, while Maven built the project (-Ddock.early=false"
                        + " starts them here instead)");
                finish(plan, early.join(getLog()), Joined.outcome(engineLookup, "the engine was looked up"));
                return;
            }
            if (plan != null) {
                getLog().info("The configuration changed after the containers were started early (-X shows what);"
                        + " starting them again");
            }
            getLog().debug("Early start of execution '" + mojoExecution.getExecutionId() + "' discarded: "
                    + String.join("; ", changes));
            early.discard(getLog());
        }
        if (plan == null) {
            return;
        }
        Engine engine = Joined.outcome(engineLookup, "the engine was looked up");
        finish(plan, start(plan, engine, this::output, () -> false), engine);
    }

    /**
     * Starts this execution's containers in the background, as {@code run} would, for {@code run} to take over (see
     * {@link EarlyStart}); called on Maven's thread when the project's build begins, with this mojo configured as
     * {@code run}'s would be then. Its lines are held until {@code run} takes over.
     *
     * @return the start under way, or null when it waits for {@code run} (nothing to start, or something it needs comes
     *     from the build); the reason is logged at debug level
     * @throws io.github.dockmaven.core.BuildFailure a configuration that cannot be read: {@code run} reports it
     */
    EarlyStart startEarly() {
        Log live = getLog();
        HeldLog held = new HeldLog(live);
        setLog(held);
        this.held = held;
        Plan plan = plan();
        if (plan == null) {
            return null;
        }
        Optional<String> obstacle =
                BuildOutputUse.of(plan, Path.of(project.getBuild().getDirectory()));
        if (obstacle.isPresent()) {
            live.debug("Not starting execution '" + mojoExecution.getExecutionId() + "' early: " + obstacle.get());
            return null;
        }
        List<ContainerOutput> outputs = new CopyOnWriteArrayList<>();
        BuildSession build = buildSession();
        AtomicBoolean cancelled = new AtomicBoolean();
        Function<String, ContainerOutput> heldOutputs = alias -> {
            ContainerOutput output =
                    ContainerOutput.held(outputName(alias), module(), console(), showLogs, logDirectory());
            outputs.add(output);
            return output;
        };
        Future<RunRecord> started = build.executor().submit(() -> start(plan, engine(), heldOutputs, cancelled::get));
        return new EarlyStart(plan, started, cancelled, held, outputs, this::removeUntaken);
    }

    /**
     * The containers to start, as the configuration says now; null, once it said why, when there are none.
     *
     * @throws io.github.dockmaven.core.BuildFailure a configuration that cannot be read
     */
    private Plan plan() {
        List<ContainerSpec> specs = specs(identity().baseDir());
        if (specs.isEmpty()) {
            getLog().info(
                            compose == null
                                    ? "No <containers> configured for dock:run; nothing to start"
                                    : "No compose service runs (see <profiles> and <services>) and no <containers> are"
                                            + " configured for dock:run; nothing to start");
            return null;
        }
        Plan plan = Plan.of(reusable(specs));
        if (filter != null && !filter.isBlank()) {
            plan = plan.filter(Arrays.stream(filter.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
        }
        return plan;
    }

    /**
     * Starts the containers of {@code plan}, guarded as the lifecycle's are (shutdown hook, watchdog) from before the
     * first is created; if anything fails, or {@code cancelled} answers true, what was created is removed before the
     * failure is thrown.
     */
    private RunRecord start(
            Plan plan, Engine engine, Function<String, ContainerOutput> outputs, BooleanSupplier cancelled) {
        Scope scope = scope(mojoExecution.getExecutionId());
        RunRecord record = new RunRecord(scope);
        BuildSession build = buildSession();
        if (Labels.MODE_LIFECYCLE.equals(scope.mode())) {
            if (plan.createsOnlyWhatOutlivesTheBuild()) {
                // No watchdog JVM to start, no shutdown hook: the edit-test loop of reuse pays for neither.
                build.track(record);
            } else {
                SessionRegistry.hearEnd(session);
                build.guard(record, exitConsole(), this::pluginClasspath);
            }
        }
        Starter starter =
                new Starter(engine, console(), scope, outputs::apply, build.executor(), build.images(), pullDisplay());
        try {
            // What dead builds left may hold names and ports; it is removed while the images are checked.
            Leftovers leftovers = new Leftovers(engine, console(), build.executor());
            starter.start(plan, record, () -> leftovers.clean(projectId(), build.id()), cancelled);
        } catch (RuntimeException e) {
            build.unregister(record, false);
            throw e;
        }
        return record;
    }

    /** Hands the started containers to the tests: kept for {@code stop}, their properties exported. */
    private void finish(Plan plan, RunRecord record, Engine engine) {
        runs().add(record);
        exportProperties(plan, record, engine.info().portHost());
        Scope scope = record.scope();
        if (scope.isCli()) {
            printPublishedPorts(plan, record, engine.info().portHost());
            getLog().info("The containers keep running after Maven exits; stop them with mvn dock:stop");
        } else if (Labels.MODE_KEPT.equals(scope.mode())) {
            getLog().info("The containers stay after the build (dock.keep is set), also if it is interrupted or"
                    + " killed; remove them with mvn dock:remove");
        }
    }

    /**
     * Removes an early start's containers that {@code run} did not take, killed at once; what cannot be removed is left
     * to the shutdown hook, which looks for it when Maven exits.
     */
    private void removeUntaken(RunRecord record, Console console) {
        BuildSession build = buildSession();
        TeardownReport report =
                new Teardown(engine(), console, build.executor()).removeRun(record, RemovalPolicy.kill());
        build.unregister(record, report.isComplete());
        if (!report.isComplete()) {
            console.warn(report.failureMessage() + "\nWhat is left is removed when Maven exits.");
        }
    }

    private ContainerOutput output(String alias) {
        return new ContainerOutput(outputName(alias), module(), console(), showLogs, logDirectory());
    }

    /**
     * Where the shutdown hook reports: Maven's log, also for a start whose own lines are held (the hook may run before
     * {@code run} takes them).
     */
    private Console exitConsole() {
        return held == null ? console() : new MavenConsole(held.live());
    }

    /**
     * {@code specs}, those with {@code <reuse>} reused only where the machine enabled it, and only in the lifecycle:
     * what {@code mvn dock:run} starts from the command line outlives Maven anyway, until {@code dock:stop}.
     */
    private List<ContainerSpec> reusable(List<ContainerSpec> specs) {
        if (reuse && !fromCommandLine()) {
            return specs;
        }
        return specs.stream()
                .map(spec -> {
                    if (spec.reuse()) {
                        getLog().debug("Not reusing '" + spec.alias() + "': "
                                + (reuse ? "dock:run runs from the command line" : "dock.reuse is not enabled"));
                        return spec.withoutReuse();
                    }
                    return spec;
                })
                .toList();
    }

    /** The container of {@code -Ddock.image}, if given, else the POM's compose services and {@code <containers>}. */
    private List<ContainerSpec> specs(Path baseDir) {
        Optional<ContainerSpec> commandLine = new CommandLineContainer(
                        image, alias, ports, env, command, waitLog, waitTcp)
                .spec(baseDir, project.getArtifactId());
        if (commandLine.isEmpty()) {
            return ContainerSources.of(compose, containers, baseDir, project.getArtifactId(), console());
        }
        if (compose != null || (containers != null && !containers.isEmpty())) {
            getLog().info("Starting only the container of -Ddock.image=" + image + "; the POM's <containers> are left"
                    + " out" + (compose == null ? "" : ", and so are its compose services"));
        }
        return List.of(commandLine.get());
    }

    /**
     * {@code logDir}; without a project, where Maven leaves {@code ${project.build.directory}} unresolved, {@code
     * target/dock} of the folder, unless {@code dock.logDir} is given.
     */
    private Path logDirectory() {
        boolean given = session.getUserProperties().containsKey("dock.logDir");
        return session.getRequest().isProjectPresent() || given
                ? logDir.toPath()
                : identity().baseDir().resolve("target").resolve("dock");
    }

    /** Where each published port of a command-line run is, one line each: {@code redis: 6379 -> localhost:32771}. */
    private void printPublishedPorts(Plan plan, RunRecord record, String host) {
        for (Started started : record.containers()) {
            for (PortMapping port : plan.get(started.alias()).ports()) {
                Integer hostPort = started.ports().get(port.key());
                if (hostPort != null) {
                    getLog().info(started.alias() + ": " + port.publishedAt(host, hostPort));
                }
            }
        }
    }

    /**
     * How a container's output is prefixed and named: its alias, or {@code alias@execution} when another run execution
     * of this project in this build used the alias already, so that neither overwrites the other's file.
     */
    @SuppressWarnings("unchecked")
    private String outputName(String alias) {
        Map<String, String> taken = (Map<String, String>) ((Map<String, Object>) getPluginContext())
                .computeIfAbsent(OUTPUTS, k -> new java.util.concurrent.ConcurrentHashMap<String, String>());
        String execution = mojoExecution.getExecutionId();
        String owner = taken.putIfAbsent(alias, execution);
        return owner == null || owner.equals(execution) ? alias : alias + "@" + execution;
    }

    /** This module's name for the console prefix of its containers' output, when the build has several; else null. */
    private String module() {
        return session.getProjects().size() > 1 ? project.getArtifactId() : null;
    }

    @Override
    String mode() {
        return keep && !fromCommandLine() ? Labels.MODE_KEPT : super.mode();
    }

    /** The plugin's jar and its runtime dependencies, from the plugin descriptor, else from the plugin's class loader. */
    List<Path> pluginClasspath() {
        Set<Path> paths = new LinkedHashSet<>();
        if (plugin != null) {
            if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
                paths.add(plugin.getPluginArtifact().getFile().toPath());
            }
            if (plugin.getArtifacts() != null) {
                for (Artifact artifact : plugin.getArtifacts()) {
                    if (artifact.getFile() != null) {
                        paths.add(artifact.getFile().toPath());
                    }
                }
            }
        }
        if (paths.isEmpty() && getClass().getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    getLog().debug("Not on the watchdog's class path: " + url);
                }
            }
        }
        return List.copyOf(paths);
    }

    /** Pull progress redrawn in place for a person at a terminal; else a line per image every few seconds. */
    private PullDisplay pullDisplay() {
        boolean inPlace = held == null
                && TerminalPullDisplay.usable(
                        System.console() != null,
                        session.getRequest().isInteractiveMode(),
                        session.isParallel(),
                        getLog().isInfoEnabled());
        return inPlace
                ? TerminalPullDisplay.onSystemOut(getLog())
                : PullDisplay.lines(console(), Starter.PULL_PROGRESS_EVERY);
    }

    @SuppressWarnings("unchecked")
    List<RunRecord> runs() {
        return (List<RunRecord>) ((Map<String, Object>) getPluginContext())
                .computeIfAbsent(RUNS, k -> new java.util.concurrent.CopyOnWriteArrayList<RunRecord>());
    }

    private void exportProperties(Plan plan, RunRecord record, String host) {
        Properties props = project.getProperties();
        ExportedProperties.of(plan, record, host).forEach((key, value) -> {
            props.setProperty(key, value);
            getLog().debug("Set " + key + "=" + value);
        });
    }
}

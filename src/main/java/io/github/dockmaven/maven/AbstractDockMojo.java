package io.github.dockmaven.maven;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Owners;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.RegistryAuth;
import io.github.dockmaven.docker.RegistryCredentials;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: skip handling first (before any check or engine call), the engine, and the one place that
 * turns the core's exceptions into Maven's.
 */
abstract class AbstractDockMojo extends AbstractMojo {

    /**
     * Skips this goal entirely, before any check of the configuration or call to the engine. {@code run} and {@code
     * stop} also skip when {@code skipITs}, {@code skipTests} or {@code maven.test.skip} is set, as failsafe does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.skip", defaultValue = "false")
    boolean skip;

    /**
     * The engine's address, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://build-host:2376}. Default: {@code
     * DOCKER_HOST}, then the Docker context named by {@code DOCKER_CONTEXT} or the current one in the Docker
     * configuration; only when none of them is given, the usual socket paths of Docker, Docker Desktop, Colima,
     * Rancher Desktop and Podman. An address given here or there that does not answer fails the build, naming it; no
     * other engine is tried then.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dock.host")
    String dockerHost;

    /** The Maven session: its build id, settings, properties and the per-session state shared by the goals. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /**
     * The project whose containers these are: its coordinates scope the labels, its properties receive exports. Without
     * a project ({@code run} and {@code stop} do not require one), Maven's stand-in for it.
     */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** This goal's execution: its id labels what {@code run} creates, its source tells a command-line call apart. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    /** Decrypts the passwords of {@code <server>}s used as registry credentials. */
    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String skipReason = skipReason();
        if (skipReason != null) {
            getLog().info("Skipping dock:" + goal() + ": " + skipReason);
            return;
        }
        // the engine client's first requests are prepared while the configuration is read and the engine looked for
        DockerJavaEngine.warmUp(buildSession().executor());
        try {
            run();
        } catch (BuildFailure e) {
            MojoFailureException failure = new MojoFailureException(e.getMessage());
            throw withCause(failure, e);
        } catch (EngineException e) {
            MojoExecutionException failure = new MojoExecutionException(e.getMessage());
            throw withCause(failure, e);
        }
    }

    /**
     * Chains the cause only when debugging: Maven appends every cause's message to the one it prints, and the engine's
     * raw answers (JSON, status codes) would bury the message that says what to fix.
     */
    private <T extends Exception> T withCause(T failure, Exception cause) {
        if (getLog().isDebugEnabled()) {
            failure.initCause(cause);
        }
        return failure;
    }

    /** Why this goal is skipped, or null. */
    String skipReason() {
        return skip ? "dock.skip is set" : null;
    }

    abstract String goal();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    Console console() {
        return new MavenConsole(getLog());
    }

    BuildSession buildSession() {
        return SessionRegistry.of(session);
    }

    Engine engine() {
        TransportLogging.quiet();
        return buildSession().engine(dockerHost, console(), registryAuth());
    }

    /**
     * Registry credentials for pulls: a {@code <server>} of settings.xml whose id is the registry host, then Docker's
     * own configuration (see {@link RegistryCredentials}).
     */
    RegistryAuth registryAuth() {
        Console console = console();
        return RegistryCredentials.fromEnvironment(
                new SettingsServers(session.getSettings().getServers(), settingsDecrypter), console::debug);
    }

    /** Whose containers these are: the project, or the folder when Maven runs without one (see {@link ProjectIdentity}). */
    ProjectIdentity identity() {
        return ProjectIdentity.of(session, project);
    }

    String projectId() {
        return identity().id();
    }

    /** Whether this goal was typed on the command line rather than bound to the lifecycle. */
    boolean fromCommandLine() {
        return mojoExecution.getSource() == MojoExecution.Source.CLI;
    }

    Scope scope(String executionId) {
        ProjectIdentity identity = identity();
        return new Scope(identity.id(), identity.name(), buildSession().id(), executionId, mode(), Owners.self());
    }

    /** The {@link Labels#MODE} of what this goal creates. */
    String mode() {
        return fromCommandLine() ? Labels.MODE_CLI : Labels.MODE_LIFECYCLE;
    }

    /** The skip reasons that failsafe honours, for the goals around integration tests. */
    String testSkipReason() {
        if (skip) {
            return "dock.skip is set";
        }
        return BuildFlags.testSkipReason(session, project);
    }
}

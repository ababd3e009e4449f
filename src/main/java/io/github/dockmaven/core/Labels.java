package io.github.dockmaven.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labels that mark what this plugin created, read and written in one place. Every container, network and volume
 * we create carries {@link #MANAGED}, {@link #PROJECT}, {@link #SESSION}, {@link #EXECUTION}, {@link #MODE} and
 * {@link #OWNER}; nothing without them is ever stopped or removed by us unless the user named it.
 *
 * <p>An instance is the labels of one resource, with the rules that decide whose it is: this build's, a command-line
 * run's, one kept on purpose, another build's that may still run, or one a dead build left behind.
 *
 * @param map the resource's labels, as the engine reports them
 */
public record Labels(Map<String, String> map) {

    public static final String PREFIX = "io.github.dockmaven.";
    /** Always {@code true}: created by this plugin. */
    public static final String MANAGED = PREFIX + "managed";
    /** {@code groupId:artifactId} of the project whose build created it. */
    public static final String PROJECT = PREFIX + "project";
    /** A fresh id per Maven session (one {@code mvn} invocation). */
    public static final String SESSION = PREFIX + "session";
    /** The id of the {@code run} execution that created it, e.g. {@code default} or {@code start-db}. */
    public static final String EXECUTION = PREFIX + "execution";
    /**
     * {@code lifecycle} (removed when the build ends), {@code cli} (outlives Maven until {@code dock:stop}), {@code
     * kept} (a lifecycle run with {@code dock.keep}: outlives Maven until {@code dock:remove}) or {@code reused} (a
     * container with {@code <reuse>}, and the network and volumes such containers share: kept for the next build
     * until {@code dock:remove}).
     */
    public static final String MODE = PREFIX + "mode";
    /** The Maven process that owns it, {@code host/pid}, so leftovers of dead builds can be told from live ones. */
    public static final String OWNER = PREFIX + "owner";
    /**
     * The owner's pid namespace and start time, {@code <namespace>@<epoch seconds>}, so that neither a reused pid nor
     * a build in another container of the same host name passes for the owner.
     */
    public static final String OWNER_PROCESS = PREFIX + "owner-process";
    /** The container's alias. */
    public static final String ALIAS = PREFIX + "alias";
    /** The container's stop mode and grace period, so a later {@code dock:stop} stops it the same way. */
    public static final String STOP_MODE = PREFIX + "stop-mode";

    public static final String STOP_TIMEOUT = PREFIX + "stop-timeout";
    /** The aliases a container depends on, comma-separated, so a later {@code dock:stop} stops in reverse order. */
    public static final String DEPENDS_ON = PREFIX + "depends-on";

    /** A reused container's configuration hash: the next build adopts it only when its own hash is the same. */
    public static final String REUSE = PREFIX + "reuse";
    /** A reused container's hash of each part of its configuration, so that a replacement can say what changed. */
    public static final String REUSE_PARTS = PREFIX + "reuse-parts";
    /** When a reused container was created, as an ISO-8601 instant, for the line that reuses it. */
    public static final String CREATED = PREFIX + "created";

    public static final String MODE_LIFECYCLE = "lifecycle";
    public static final String MODE_CLI = "cli";
    public static final String MODE_KEPT = "kept";
    public static final String MODE_REUSED = "reused";

    /** The grace period of a container whose labels do not say (or say something unreadable). */
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(3);

    public Labels {
        map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    // ---- writing

    /** The labels every resource of an execution carries. */
    public static Map<String, String> of(Scope scope) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(PROJECT, scope.project());
        labels.put(SESSION, scope.session());
        labels.put(EXECUTION, scope.execution());
        labels.put(MODE, scope.mode());
        labels.put(OWNER, scope.owner());
        if (scope.owner().equals(Owners.self())) {
            labels.put(OWNER_PROCESS, Owners.selfProcess());
        }
        return labels;
    }

    /** What a container carries besides its execution's labels, so that a later {@code dock:stop} stops it alike. */
    public static Map<String, String> of(ContainerSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALIAS, spec.alias());
        labels.put(STOP_MODE, spec.stopMode().name().toLowerCase(Locale.ROOT));
        labels.put(STOP_TIMEOUT, Long.toString(spec.stopTimeout().toMillis()));
        labels.put(DEPENDS_ON, String.join(",", spec.dependsOn()));
        return labels;
    }

    /**
     * The labels of an image built for a container of {@code scope}'s project: only what stays the same from build to
     * build, so that an unchanged build yields the same image, and {@code remove} and {@code prune} find it.
     */
    public static Map<String, String> ofImage(Scope scope, String alias) {
        Map<String, String> labels = ofProject(scope.project());
        labels.put(ALIAS, alias);
        return labels;
    }

    /** The filter matching everything of one project. */
    public static Map<String, String> ofProject(String project) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put(MANAGED, "true");
        filter.put(PROJECT, project);
        return filter;
    }

    /** The filter matching everything this plugin ever created. */
    public static Map<String, String> ofPlugin() {
        return Map.of(MANAGED, "true");
    }

    /** The filter matching what a session created in the lifecycle: not its command-line runs, nor kept ones. */
    public static Map<String, String> ofLifecycleSession(String session) {
        Map<String, String> filter = new LinkedHashMap<>(ofPlugin());
        filter.put(SESSION, session);
        filter.put(MODE, MODE_LIFECYCLE);
        return filter;
    }

    /** The filter matching the reused containers of one project's {@code run} execution with this alias. */
    public static Map<String, String> ofReused(Scope scope, String alias) {
        Map<String, String> filter = ofProject(scope.project());
        filter.put(EXECUTION, scope.execution());
        filter.put(MODE, MODE_REUSED);
        filter.put(ALIAS, alias);
        return filter;
    }

    // ---- reading

    /** The project that created it; null for what this plugin did not create. */
    public String project() {
        return map.get(PROJECT);
    }

    /** The session that created it; null when the labels do not say. */
    public String session() {
        return map.get(SESSION);
    }

    /** The {@code run} execution that created it; null when the labels do not say. */
    public String execution() {
        return map.get(EXECUTION);
    }

    /** {@code host/pid} of the Maven process that created it; null when the labels do not say. */
    public String owner() {
        return map.get(OWNER);
    }

    /** Its alias, or {@code fallback} (its name) when it has none. */
    public String alias(String fallback) {
        return map.getOrDefault(ALIAS, fallback);
    }

    /** How to stop it: as {@code run} configured it, gracefully unless its labels say {@code kill}. */
    public ContainerSpec.StopMode stopMode() {
        return "kill".equals(map.get(STOP_MODE)) ? ContainerSpec.StopMode.KILL : ContainerSpec.StopMode.STOP;
    }

    /** Its grace period; the default one when the labels do not say, or say something that is no number. */
    public Duration stopTimeout() {
        try {
            String millis = map.get(STOP_TIMEOUT);
            return millis == null ? DEFAULT_STOP_TIMEOUT : Duration.ofMillis(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return DEFAULT_STOP_TIMEOUT;
        }
    }

    /** The aliases it depends on. */
    public List<String> dependsOn() {
        String deps = map.getOrDefault(DEPENDS_ON, "");
        return deps.isBlank()
                ? List.of()
                : Arrays.stream(deps.split(",")).map(String::trim).toList();
    }

    /** Whether this session created it. */
    public boolean isOfSession(String session) {
        return session.equals(session());
    }

    /** Whether {@code mvn dock:run} typed on the command line created it, to outlive Maven until {@code dock:stop}. */
    public boolean isOfCommandLineRun() {
        return MODE_CLI.equals(map.get(MODE));
    }

    /** Whether a lifecycle run created it: it goes when its build ends. */
    public boolean isOfLifecycle() {
        return MODE_LIFECYCLE.equals(map.get(MODE));
    }

    /** Whether it is kept for the next builds ({@code <reuse>}): only {@code dock:remove} removes it. */
    public boolean isReused() {
        return MODE_REUSED.equals(map.get(MODE));
    }

    /** Whether a build other than {@code ownSession} kept it on purpose ({@code dock.keep}). */
    public boolean isKeptByAnotherBuild(String ownSession) {
        return MODE_KEPT.equals(map.get(MODE)) && !isOfSession(ownSession);
    }

    /** Whether the Maven process that created it may still run; see {@link Owners#isAlive}. */
    public boolean isOwnerAlive() {
        return Owners.isAlive(map);
    }

    /** Whether another lifecycle build created it that may still run: never touched, it may be using it. */
    public boolean isOfAnotherLiveBuild(String ownSession) {
        return isOfLifecycle() && !isOfSession(ownSession) && isOwnerAlive();
    }

    /** Whether a lifecycle build that no longer runs left it behind: nobody can use it any more. */
    public boolean isLeftByADeadBuild(String ownSession) {
        return isOfLifecycle() && !isOfSession(ownSession) && !isOwnerAlive();
    }
}

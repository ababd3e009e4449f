package io.github.dockmaven.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels that mark what this plugin created. Every container, network and volume we create carries {@link
 * #MANAGED}, {@link #PROJECT}, {@link #SESSION}, {@link #EXECUTION} and {@link #MODE}; nothing without them is ever
 * stopped or removed by us unless the user named it.
 */
public final class Labels {

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
     * {@code lifecycle} (removed when the build ends), {@code cli} (outlives Maven until {@code dock:stop}) or {@code
     * kept} (a lifecycle run with {@code dock.keep}: outlives Maven until {@code dock:remove}).
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

    public static final String MODE_LIFECYCLE = "lifecycle";
    public static final String MODE_CLI = "cli";
    public static final String MODE_KEPT = "kept";

    private Labels() {}

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
}

package io.github.dockmaven.core;

import java.util.Locale;
import java.util.Map;

/**
 * Who is creating resources: which project, which Maven session, which execution, and whether they must outlive
 * Maven. It names and labels everything an execution creates.
 *
 * @param project {@code groupId:artifactId}
 * @param artifactId the project's artifactId, used in names
 * @param session the Maven session's id
 * @param execution the {@code run} execution's id
 * @param mode {@link Labels#MODE_LIFECYCLE}, {@link Labels#MODE_CLI}, {@link Labels#MODE_KEPT} or {@link
 *     Labels#MODE_REUSED}
 * @param owner {@code host/pid} of the Maven process
 */
public record Scope(String project, String artifactId, String session, String execution, String mode, String owner) {

    /** The labels every resource of this execution carries. */
    public Map<String, String> labels() {
        return Labels.of(this);
    }

    /** A container, network or volume name unique to this session: {@code artifactId[-execution]-part-session}. */
    public String name(String part) {
        return sanitize(artifactId + executionPart() + "-" + part + "-" + shortSession());
    }

    private String executionPart() {
        return execution.equals("default") || execution.startsWith("default-") ? "" : "-" + execution;
    }

    /**
     * A name the builds of this project and execution share, for what reused containers keep using from build to
     * build: {@code artifactId[-execution]-part-reused}.
     */
    public String sharedName(String part) {
        return sanitize(artifactId + executionPart() + "-" + part + "-reused");
    }

    /** This scope, for what is kept for the next builds ({@link Labels#MODE_REUSED}). */
    public Scope reused() {
        return new Scope(project, artifactId, session, execution, Labels.MODE_REUSED, owner);
    }

    /** The first 8 characters of the session id. */
    public String shortSession() {
        return session.length() > 8 ? session.substring(0, 8) : session;
    }

    public boolean isCli() {
        return Labels.MODE_CLI.equals(mode);
    }

    private static String sanitize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        return s.matches("[a-z0-9].*") ? s : "d" + s;
    }
}

package io.github.dockmaven.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Boolean properties as failsafe reads its skip flags: from the command line, the JVM, then the project; set when
 * present and empty ({@code -DskipITs}) or {@code true}.
 */
final class BuildFlags {

    private BuildFlags() {}

    /** The property's value: the user's ({@code -D}), else the JVM's, else the project's; null if none has it. */
    static String value(MavenSession session, MavenProject project, String property) {
        String value = session.getUserProperties().getProperty(property);
        if (value == null) {
            value = session.getSystemProperties().getProperty(property);
        }
        if (value == null && project != null) {
            value = project.getProperties().getProperty(property);
        }
        return value;
    }

    /** Whether the flag is set: present and empty, or {@code true}. */
    static boolean isSet(MavenSession session, MavenProject project, String property) {
        String value = value(session, project, property);
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }
}

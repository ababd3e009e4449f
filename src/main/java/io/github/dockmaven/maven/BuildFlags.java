package io.github.dockmaven.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Boolean properties as failsafe reads its skip flags. */
final class BuildFlags {

    private BuildFlags() {}

    /** The failsafe flag set for this project ({@code skipITs}, {@code skipTests}, {@code maven.test.skip}), or null. */
    static String testSkipReason(MavenSession session, MavenProject project) {
        for (String property : new String[] {"skipITs", "skipTests", "maven.test.skip"}) {
            if (isSet(session, project, property)) {
                return property + " is set";
            }
        }
        return null;
    }

    /**
     * Whether the flag is set: the user's value ({@code -D}), else the JVM's, else the project's, present and empty
     * ({@code -DskipITs}) or {@code true}.
     */
    static boolean isSet(MavenSession session, MavenProject project, String property) {
        String value = session.getUserProperties().getProperty(property);
        if (value == null) {
            value = session.getSystemProperties().getProperty(property);
        }
        if (value == null) {
            value = project.getProperties().getProperty(property);
        }
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }
}

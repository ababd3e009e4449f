package io.github.dockmaven.maven;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Whose containers these are: the project's {@code groupId:artifactId}, or, when Maven runs without a project ({@code
 * mvn dock:run -Ddock.image=redis:7} in a folder without {@code pom.xml}), the folder it runs in. Maven gives every
 * such run the same stand-in project ({@code org.apache.maven:standalone-pom}); the folder keeps two folders'
 * containers apart, so that {@code mvn dock:stop} removes those of its own folder only.
 *
 * @param id the value of the {@code io.github.dockmaven.project} label: {@code groupId:artifactId}, or {@code
 *     folder:} followed by the folder's real path
 * @param name the first part of container and network names: the artifactId, or the folder's name
 * @param baseDir the folder that relative paths of the configuration start from
 */
record ProjectIdentity(String id, String name, Path baseDir) {

    /** What the label's value starts with for a folder without a project. */
    static final String FOLDER = "folder:";

    /** The identity of the project Maven runs the goal for, or of its folder when there is no project. */
    static ProjectIdentity of(MavenSession session, MavenProject project) {
        if (session.getRequest().isProjectPresent()) {
            return new ProjectIdentity(
                    project.getGroupId() + ":" + project.getArtifactId(),
                    project.getArtifactId(),
                    project.getBasedir().toPath());
        }
        return ofFolder(Path.of(session.getExecutionRootDirectory()));
    }

    /**
     * The identity of a folder without a project. Its real path (symbolic links resolved) is the label, so that the
     * same folder reached by another way is still the same, and two folders of the same name are not.
     */
    static ProjectIdentity ofFolder(Path folder) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            real = folder.toAbsolutePath().normalize();
        }
        Path name = real.getFileName();
        return new ProjectIdentity(FOLDER + real, name == null ? "dock" : name.toString(), real);
    }
}

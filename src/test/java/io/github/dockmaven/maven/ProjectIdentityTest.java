package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectIdentityTest {

    @TempDir
    Path temp;

    @Test
    void aFolderWithoutAProjectIsLabelledWithItsRealPathAndNamedAfterItself() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("scratch")).toRealPath();

        ProjectIdentity identity = ProjectIdentity.ofFolder(folder);

        assertThat(identity.id()).isEqualTo("folder:" + folder);
        assertThat(identity.name()).isEqualTo("scratch");
        assertThat(identity.baseDir()).isEqualTo(folder);
    }

    @Test
    void theSameFolderReachedThroughALinkIsTheSameAndAFolderOfTheSameNameElsewhereIsNot() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("a/scratch"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), folder);
        Path namesake = Files.createDirectories(temp.resolve("b/scratch"));

        assertThat(ProjectIdentity.ofFolder(link).id())
                .isEqualTo(ProjectIdentity.ofFolder(folder).id());
        assertThat(ProjectIdentity.ofFolder(namesake).id())
                .isNotEqualTo(ProjectIdentity.ofFolder(folder).id());
    }
}

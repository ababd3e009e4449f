package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VolumeMountTest {

    private final Path baseDir = Path.of("/home/dev/project");

    @Test
    void aNameBeforeTheColonIsANamedVolume() {
        assertThat(VolumeMount.parse("pgdata:/var/lib/postgresql/data", baseDir))
                .isEqualTo(new VolumeMount(true, "pgdata", "/var/lib/postgresql/data", false));
    }

    @Test
    void anAbsoluteHostPathIsABindMount() {
        assertThat(VolumeMount.parse("/etc/app:/etc/app:ro", baseDir))
                .isEqualTo(new VolumeMount(false, "/etc/app", "/etc/app", true));
    }

    @Test
    void aRelativeHostPathIsResolvedAgainstTheProjectDirectory() {
        assertThat(VolumeMount.parse("src/test/conf:/etc/app", baseDir))
                .isEqualTo(new VolumeMount(false, "/home/dev/project/src/test/conf", "/etc/app", false));
        assertThat(VolumeMount.parse("./target/../conf:/etc/app:rw", baseDir))
                .isEqualTo(new VolumeMount(false, "/home/dev/project/conf", "/etc/app", false));
    }

    @Test
    void bindSyntaxCarriesTheReadOnlyFlag() {
        assertThat(new VolumeMount(true, "data", "/data", true).bind()).isEqualTo("data:/data:ro");
        assertThat(new VolumeMount(false, "/src", "/app", false).bind()).isEqualTo("/src:/app");
    }

    @Test
    void aVolumeWithoutTargetIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> VolumeMount.parse("pgdata", baseDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 'name:/container/path' or 'hostPath:/container/path', optionally followed by"
                        + " ':ro'");
        assertThatThrownBy(() -> VolumeMount.parse(":/data", baseDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 'name:/container/path' or 'hostPath:/container/path', optionally followed by"
                        + " ':ro'");
    }

    @Test
    void anUnknownModeIsRejectedWithTheValue() {
        assertThatThrownBy(() -> VolumeMount.parse("data:/data:rx", baseDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the mode after the second ':' must be 'ro' or 'rw', not 'rx'");
    }

    @Test
    void aRelativeContainerPathIsRejected() {
        assertThatThrownBy(() -> VolumeMount.parse("data:var/data", baseDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the container path 'var/data' must be absolute");
    }
}

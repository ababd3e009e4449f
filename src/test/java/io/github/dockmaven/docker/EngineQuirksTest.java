package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineQuirksTest {

    @Test
    void aBareFullImageIdIsSentAsADigestBecausePodmanTakesItForARepository() {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        assertThat(EngineQuirks.imageReference(id)).isEqualTo("sha256:" + id);
        assertThat(EngineQuirks.imageReference("dock-it/busybox:1")).isEqualTo("dock-it/busybox:1");
        assertThat(EngineQuirks.imageReference("0123456789ab")).isEqualTo("0123456789ab");
    }
}

package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void aReferenceIsSplitIntoRepositoryAndTagOrDigest() {
        assertThat(Images.splitReference("dock-it/redis:7")).containsExactly("dock-it/redis", "7");
        assertThat(Images.splitReference("localhost:5000/app:1.2")).containsExactly("localhost:5000/app", "1.2");
        assertThat(Images.splitReference("app@sha256:0123")).containsExactly("app", "sha256:0123");
    }

    @Test
    void aReferenceWithoutTagMeansLatestNotEveryTag() {
        assertThat(Images.splitReference("localhost:5000/app")).containsExactly("localhost:5000/app", "latest");
        assertThat(Images.splitReference("busybox")).containsExactly("busybox", "latest");
    }
}

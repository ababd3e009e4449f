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

    @Test
    void aTagIsShownAsDockerShowsItWithoutTheDefaultRegistry() {
        assertThat(Images.familiar("docker.io/dock/shop-app:latest")).isEqualTo("dock/shop-app:latest");
        assertThat(Images.familiar("docker.io/library/redis:7")).isEqualTo("redis:7");
        assertThat(Images.familiar("ghcr.io/acme/app:1")).isEqualTo("ghcr.io/acme/app:1");
        assertThat(Images.familiar("localhost:5000/docker.io/x:1")).isEqualTo("localhost:5000/docker.io/x:1");
    }
}

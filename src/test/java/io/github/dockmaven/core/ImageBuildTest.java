package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageBuildTest {

    @Test
    void theDefaultTagIsAValidReferenceInLowerCase() {
        assertThat(ImageBuild.defaultTag("Shop-Service", "app")).isEqualTo("dock/shop-service-app:latest");
    }

    @Test
    void theDefaultTagReplacesWhatAReferenceCannotHold() {
        assertThat(ImageBuild.defaultTag("shop+api", "web.1")).isEqualTo("dock/shop-api-web.1:latest");
    }
}

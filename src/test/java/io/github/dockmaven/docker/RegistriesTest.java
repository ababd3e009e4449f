package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistriesTest {

    @Test
    void theRegistryOfAReferenceIsItsFirstComponentWhenThatLooksLikeAHost() {
        assertThat(Registries.of("postgres:16")).isEqualTo("docker.io");
        assertThat(Registries.of("library/redis")).isEqualTo("docker.io");
        assertThat(Registries.of("acme/app:1")).isEqualTo("docker.io");
        assertThat(Registries.of("ghcr.io/acme/app:1")).isEqualTo("ghcr.io");
        assertThat(Registries.of("127.0.0.1:5000/dock/busybox:1")).isEqualTo("127.0.0.1:5000");
        assertThat(Registries.of("localhost/app@sha256:abc")).isEqualTo("localhost");
        assertThat(Registries.of("Registry.Example.COM/app")).isEqualTo("registry.example.com");
        assertThat(Registries.of("index.docker.io/library/busybox")).isEqualTo("docker.io");
    }

    @Test
    void configKeysMatchTheirRegistryWhateverTheSchemeAndPath() {
        assertThat(Registries.matches("https://index.docker.io/v1/", "docker.io"))
                .isTrue();
        assertThat(Registries.matches("docker.io", "docker.io")).isTrue();
        assertThat(Registries.matches("http://127.0.0.1:5000/v2/", "127.0.0.1:5000"))
                .isTrue();
        assertThat(Registries.matches("127.0.0.1:5001", "127.0.0.1:5000")).isFalse();
        assertThat(Registries.matches("ghcr.io", "docker.io")).isFalse();
    }

    @Test
    void dockerHubIsAddressedAsTheDockerCliStoresIt() {
        assertThat(Registries.serverAddress("docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(Registries.serverAddress("ghcr.io")).isEqualTo("ghcr.io");
    }
}

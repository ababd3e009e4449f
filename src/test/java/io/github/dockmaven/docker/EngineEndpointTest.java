package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineEndpointTest {

    @Test
    void publishedPortsOfALocalSocketAreReachedOnLocalhost() {
        assertThat(EngineEndpoint.of("unix:///var/run/docker.sock").portHost()).isEqualTo("localhost");
        assertThat(EngineEndpoint.of("npipe:////./pipe/docker_engine").portHost())
                .isEqualTo("localhost");
    }

    @Test
    void publishedPortsOfARemoteDaemonAreReachedOnItsHost() {
        assertThat(EngineEndpoint.of("tcp://build-box.example.com:2376").portHost())
                .isEqualTo("build-box.example.com");
        assertThat(EngineEndpoint.of("tcp://10.0.0.5:2375").portHost()).isEqualTo("10.0.0.5");
        assertThat(EngineEndpoint.of("tcp://[fd00::5]:2376").portHost()).isEqualTo("fd00::5");
    }

    @Test
    void containersOfARootfulLocalEngineOnLinuxAreRoutedFromHere() {
        assertThat(EngineEndpoint.of("unix:///var/run/docker.sock").containersRouted("Linux"))
                .isTrue();
        assertThat(EngineEndpoint.of("unix:///run/podman/podman.sock").containersRouted("Linux"))
                .isTrue();
    }

    @Test
    void containersInAVmARootlessNamespaceOrOnAnotherHostAreNot() {
        assertThat(EngineEndpoint.of("unix:///var/run/docker.sock").containersRouted("Mac OS X"))
                .isFalse();
        assertThat(EngineEndpoint.of("unix:///home/me/.docker/desktop/docker.sock")
                        .containersRouted("Linux"))
                .isFalse();
        assertThat(EngineEndpoint.of("unix:///run/user/1000/docker.sock").containersRouted("Linux"))
                .isFalse();
        assertThat(EngineEndpoint.of("tcp://build-host:2376").containersRouted("Linux"))
                .isFalse();
    }
}

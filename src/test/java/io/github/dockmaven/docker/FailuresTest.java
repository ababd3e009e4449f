package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockmaven.core.EngineException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theEnginesJsonMessageReplacesDockerJavasStatusText() {
        EngineException mapped = Failures.map(
                "Could not inspect container 3f2a1c9b04de",
                new NotFoundException("{\"message\":\"No such container: 3f2a1c9b04de\"}\n"));

        assertThat(mapped)
                .isInstanceOf(EngineException.NotFound.class)
                .hasMessage("Could not inspect container 3f2a1c9b04de: No such container: 3f2a1c9b04de")
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void aConflictStaysAConflict() {
        EngineException mapped = Failures.map(
                "Could not create container 'db' from image 'busybox'",
                new ConflictException("{\"message\":\"Conflict. The container name \\\"/db\\\" is already in use\"}"));

        assertThat(mapped)
                .isInstanceOf(EngineException.Conflict.class)
                .hasMessage("Could not create container 'db' from image 'busybox': Conflict. The container name"
                        + " \"/db\" is already in use");
    }

    @Test
    void aHostPortInUseIsAConflictThoughTheEngineSaysServerError() {
        EngineException mapped = Failures.map(
                "Could not start container 3f2a1c9b04de",
                new InternalServerErrorException("{\"message\":\"driver failed programming external connectivity on"
                        + " endpoint x: Bind for 0.0.0.0:18080 failed: port is already allocated\"}"));

        assertThat(mapped).isInstanceOf(EngineException.Conflict.class);
    }

    @Test
    void aTransportFailureSaysTheEngineDidNotAnswer() {
        EngineException mapped =
                Failures.map("Could not list containers", new RuntimeException(new IOException("Connection refused")));

        assertThat(mapped)
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("Could not list containers: no answer from the engine (Connection refused)");
    }

    @Test
    void pullFailuresAreClassified() {
        assertThat(
                        Failures.pullFailure(
                                "nosuch/image:1",
                                "pull access denied for nosuch/image, repository does not"
                                        + " exist or may require 'docker login': denied: requested access to the resource is denied"))
                .isEqualTo("Could not pull image 'nosuch/image:1': not found, or the registry denied access (pull"
                        + " access denied for nosuch/image, repository does not exist or may require 'docker login':"
                        + " denied: requested access to the resource is denied)");
        assertThat(Failures.pullReason("manifest for busybox:nope not found: manifest unknown: manifest unknown"))
                .isEqualTo("not found");
        assertThat(Failures.pullReason("Head \"https://ghcr.io/v2/x/y/manifests/1\": unauthorized"))
                .isEqualTo("unauthorized: the registry denied access");
        assertThat(Failures.pullReason("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup"
                        + " registry-1.docker.io: no such host"))
                .isEqualTo("network error reaching the registry");
        assertThat(Failures.pullReason("something else entirely")).isEqualTo("the engine reported an error");
    }
}

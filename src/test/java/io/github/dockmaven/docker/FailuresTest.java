package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockmaven.core.EngineException;
import java.io.IOException;
import java.util.Optional;
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
    void aContainerNameInUseIsANameInUseConflict() {
        EngineException mapped = Failures.map(
                "Could not create container 'db' from image 'busybox'",
                new ConflictException("{\"message\":\"Conflict. The container name \\\"/db\\\" is already in use\"}"));

        assertThat(mapped)
                .isInstanceOf(EngineException.NameInUse.class)
                .hasMessage("Could not create container 'db' from image 'busybox': Conflict. The container name"
                        + " \"/db\" is already in use");
    }

    @Test
    void aHostPortInUseIsAPortInUseConflictThoughTheEngineSaysServerError() {
        EngineException mapped = Failures.map(
                "Could not start container 3f2a1c9b04de",
                new InternalServerErrorException("{\"message\":\"driver failed programming external connectivity on"
                        + " endpoint x: Bind for 0.0.0.0:18080 failed: port is already allocated\"}"));

        assertThat(mapped).isInstanceOf(EngineException.PortInUse.class);
        assertThat(((EngineException.PortInUse) mapped).engineWords())
                .isEqualTo("driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:18080"
                        + " failed: port is already allocated");
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
    void podmansWordsForANameInUseMakeAConflictToo() {
        EngineException mapped = Failures.map(
                "Could not create container 'twin' from image 'busybox'",
                new InternalServerErrorException("{\"cause\":\"that name is already in use\",\"message\":\"creating"
                        + " container storage: the container name \\\"twin\\\" is already in use by 1393b0330a06. You"
                        + " have to remove that container to be able to reuse that name: that name is already in"
                        + " use\",\"response\":500}"));

        assertThat(mapped).isInstanceOf(EngineException.NameInUse.class);
    }

    @Test
    void aContainerThatIsNotRunningIsRecognisedInDockersAndPodmansWords() {
        assertThat(Failures.isNotRunning(
                        new ConflictException("{\"message\":\"Container 3f2a1c9b04de is not running\"}")))
                .isTrue();
        assertThat(Failures.isNotRunning(new InternalServerErrorException("{\"message\":\"can only kill running"
                        + " containers. 14304cffa137 is in state created: container state improper\"}")))
                .isTrue();
        assertThat(Failures.isNotRunning(new ConflictException("{\"message\":\"something else\"}")))
                .isFalse();
    }

    private static final Optional<RegistryAuth.Credentials> NO_CREDENTIALS = Optional.empty();
    private static final Optional<RegistryAuth.Credentials> FROM_SETTINGS = Optional.of(new RegistryAuth.Credentials(
            "127.0.0.1:5000", "user", "the-password", null, "Maven settings <server> '127.0.0.1:5000'"));

    @Test
    void aRefusedPasswordNamesTheImageTheRegistryAndWhereTheCredentialsCameFrom() {
        assertThat(Failures.pullFailure(
                        "127.0.0.1:5000/dock/busybox:1", "unauthorized: authentication required", FROM_SETTINGS))
                .isEqualTo("Could not pull image '127.0.0.1:5000/dock/busybox:1' from registry 127.0.0.1:5000:"
                        + " authentication failed: the registry refused the credentials from Maven settings <server>"
                        + " '127.0.0.1:5000'. Fix the user name or password there. The engine said: unauthorized:"
                        + " authentication required");
    }

    @Test
    void missingCredentialsSayHowToGiveThem() {
        assertThat(Failures.pullFailure(
                        "127.0.0.1:5000/dock/busybox:1",
                        "Head \"http://127.0.0.1:5000/v2/dock/busybox/manifests/1\": no basic auth credentials",
                        NO_CREDENTIALS))
                .isEqualTo("Could not pull image '127.0.0.1:5000/dock/busybox:1' from registry 127.0.0.1:5000:"
                        + " authentication required, and no credentials were found for 127.0.0.1:5000. Add a <server>"
                        + " with <id>127.0.0.1:5000</id>, <username> and <password> to Maven's settings.xml, or run"
                        + " docker login 127.0.0.1:5000 first. The engine said: Head"
                        + " \"http://127.0.0.1:5000/v2/dock/busybox/manifests/1\": no basic auth credentials");
    }

    @Test
    void aMissingTagIsNotFound() {
        assertThat(Failures.pullFailure(
                        "ghcr.io/acme/app:nope",
                        "manifest for ghcr.io/acme/app:nope not found: manifest unknown: manifest unknown",
                        NO_CREDENTIALS))
                .isEqualTo("Could not pull image 'ghcr.io/acme/app:nope' from registry ghcr.io: not found: ghcr.io"
                        + " has no such repository or tag. Check <image>. The engine said: manifest for"
                        + " ghcr.io/acme/app:nope not found: manifest unknown: manifest unknown");
    }

    @Test
    void dockerHubsAmbiguousDenialSaysBothPossibilities() {
        assertThat(Failures.pullFailure(
                        "nosuch/image:1",
                        "pull access denied for nosuch/image, repository does not exist or may require 'docker"
                                + " login': denied: requested access to the resource is denied",
                        NO_CREDENTIALS))
                .isEqualTo("Could not pull image 'nosuch/image:1' from registry docker.io: not found, or not allowed"
                        + " (the registry does not say which). Check <image>; if the repository is private, give"
                        + " credentials for it: Add a <server> with <id>docker.io</id>, <username> and <password> to"
                        + " Maven's settings.xml, or run docker login first. The engine said: pull access denied for"
                        + " nosuch/image, repository does not exist or may require 'docker login': denied: requested"
                        + " access to the resource is denied");
    }

    @Test
    void anUnreachableRegistryIsANetworkError() {
        assertThat(Failures.pullFailure(
                        "127.0.0.1:40123/dock/busybox:1",
                        "Get \"http://127.0.0.1:40123/v2/\": dial tcp 127.0.0.1:40123: connect: connection refused",
                        NO_CREDENTIALS))
                .isEqualTo("Could not pull image '127.0.0.1:40123/dock/busybox:1' from registry 127.0.0.1:40123:"
                        + " network error: the engine could not reach 127.0.0.1:40123. Check the registry address, and"
                        + " the network and proxy settings of the engine. The engine said: Get"
                        + " \"http://127.0.0.1:40123/v2/\": dial tcp 127.0.0.1:40123: connect: connection refused");
    }

    @Test
    void podmansWordingsAreClassifiedToo() {
        assertThat(Failures.classify("initializing source docker://127.0.0.1:5000/dock/busybox:1: reading manifest 1"
                        + " in 127.0.0.1:5000/dock/busybox: unauthorized: authentication required"))
                .isEqualTo(Failures.PullProblem.AUTH);
        assertThat(Failures.classify("initializing source docker://127.0.0.1:5000/dock/busybox:9: reading manifest 9"
                        + " in 127.0.0.1:5000/dock/busybox: manifest unknown: manifest unknown"))
                .isEqualTo(Failures.PullProblem.NOT_FOUND);
        assertThat(Failures.classify("pinging container registry 127.0.0.1:1: Get \"https://127.0.0.1:1/v2/\":"
                        + " dial tcp 127.0.0.1:1: connect: connection refused"))
                .isEqualTo(Failures.PullProblem.NETWORK);
        assertThat(Failures.classify("something else entirely")).isEqualTo(Failures.PullProblem.OTHER);
    }
}

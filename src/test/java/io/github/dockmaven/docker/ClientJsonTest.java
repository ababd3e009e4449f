package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientJsonTest {

    private static DockerClientConfig config(String host) {
        return new DefaultDockerClientConfig.Builder().withDockerHost(host).build();
    }

    @Test
    void everyClientGetsTheOneMapperInsteadOfACopyOfItsOwn() {
        DockerClientConfig requests = ClientJson.sharing(config("unix:///var/run/docker.sock"));
        DockerClientConfig streams = ClientJson.sharing(config("unix:///var/run/docker.sock"));

        assertThat(requests.getObjectMapper())
                .isSameAs(streams.getObjectMapper())
                .isSameAs(requests.getObjectMapper())
                .isSameAs(ClientJson.mapper());
        // what docker-java itself would hand out: a fresh copy per call
        assertThat(config("unix:///var/run/docker.sock").getObjectMapper())
                .isNotSameAs(config("unix:///var/run/docker.sock").getObjectMapper());
    }

    @Test
    void theSharingConfigurationAnswersEverythingElseAsTheOriginal() {
        DockerClientConfig original = config("tcp://build-host:2375");
        DockerClientConfig shared = ClientJson.sharing(original);

        assertThat(shared.getDockerHost()).isEqualTo(URI.create("tcp://build-host:2375"));
        assertThat(shared.getApiVersion()).isEqualTo(original.getApiVersion());
        assertThat(shared.getSSLConfig()).isEqualTo(original.getSSLConfig());
        assertThat(shared.getRegistryUrl()).isEqualTo(original.getRegistryUrl());
    }

    @Test
    void theWarmUpIsSubmittedOncePerJvm() {
        List<Runnable> submitted = new ArrayList<>();
        ClientJson.warmUp(submitted::add);
        int first = submitted.size();
        ClientJson.warmUp(submitted::add);

        assertThat(first).isLessThanOrEqualTo(1);
        assertThat(submitted).hasSize(first);
        submitted.forEach(Runnable::run);
    }

    @Test
    void theWarmUpBuildsWhatTheRequestsUseWithoutFailing() throws Exception {
        // at run time a failure here is swallowed (it is only a head start): this is where it would show
        ClientJson.prepare();

        assertThat(ClientJson.mapper()
                        .writeValueAsString(new com.github.dockerjava.core.command.CreateContainerCmdImpl(
                                command -> null, null, "dock-it/busybox:1")))
                .contains("\"Image\":\"dock-it/busybox:1\"");
    }
}

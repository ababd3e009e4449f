package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSocketTlsTest {

    @TempDir
    Path temp;

    @Test
    void onlyLocalSocketsGetTheUnusedContextATcpAddressWouldTurnHttpsWithIt() {
        assertThat(LocalSocketTls.isLocalSocket("unix:///var/run/docker.sock")).isTrue();
        assertThat(LocalSocketTls.isLocalSocket("npipe:////./pipe/docker_engine"))
                .isTrue();
        assertThat(LocalSocketTls.isLocalSocket("tcp://127.0.0.1:2375")).isFalse();
    }

    @Test
    void theContextRefusesTlsSayingWhy() throws Exception {
        SSLContext context = LocalSocketTls.NONE.getSSLContext();

        assertThatThrownBy(context::getSocketFactory)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TLS over a local socket: the engine's address has no TLS settings");
        assertThatThrownBy(context::createSSLEngine).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientOfAUnixSocketWithTheUnusedContextGetsItsAnswers() throws Exception {
        Path socket = temp.resolve("engine.sock");
        try (RestartingEngine engine = new RestartingEngine(socket);
                DockerHttpClient client = EngineClients.httpClient(
                        new EngineEndpoint("unix://" + socket, null, "test"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5));
                DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder()
                        .method(DockerHttpClient.Request.Method.GET)
                        .path("/_ping")
                        .build())) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(engine.requests()).containsExactly("GET /_ping HTTP/1.1");
        }
    }
}

package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against {@link RestartingEngine}: every pooled connection is dead when it is used again. */
class StaleConnectionRetryTest {

    @TempDir
    Path temp;

    private RestartingEngine fake;
    private EngineEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        Path socket = temp.resolve("engine.sock");
        fake = new RestartingEngine(socket);
        endpoint = new EngineEndpoint("unix://" + socket, null, "test");
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    private static Request start(String id) {
        return Request.builder()
                .method(Request.Method.POST)
                .path("/containers/" + id + "/start")
                .build();
    }

    private DockerHttpClient plain() {
        return EngineClients.httpClient(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void withoutTheRetryARequestOnAConnectionTheEngineClosedFails() throws Exception {
        try (DockerHttpClient client = plain()) {
            client.execute(start("a")).close();

            assertFailsOnADeadConnection(() -> client.execute(start("b")).close());
        }
        assertThat(fake.requests()).containsExactly("POST /containers/a/start HTTP/1.1");
    }

    @Test
    void aRequestOnAConnectionTheEngineClosedIsSentOnceMoreOnANewConnection() throws Exception {
        try (DockerHttpClient client = new StaleConnectionRetry(this::plain)) {
            client.execute(start("a")).close();

            try (DockerHttpClient.Response response = client.execute(start("b"))) {
                assertThat(response.getStatusCode()).isEqualTo(204);
            }
        }
        assertThat(fake.requests())
                .containsExactly("POST /containers/a/start HTTP/1.1", "POST /containers/b/start HTTP/1.1");
    }

    @Test
    void aRequestThatFailedSlowlyIsNotSentAgain() throws Exception {
        long[] now = {0};
        // each reading of the clock is three seconds after the one before: every failure looks slow
        try (DockerHttpClient client = new StaleConnectionRetry(this::plain, () -> now[0] += 3_000_000_000L)) {
            client.execute(start("a")).close();

            assertFailsOnADeadConnection(() -> client.execute(start("b")).close());
        }
        assertThat(fake.requests()).containsExactly("POST /containers/a/start HTTP/1.1");
    }

    @Test
    void aRequestWhoseStreamedBodyWasUsedUpIsNotSentAgain() throws Exception {
        try (DockerHttpClient client = new StaleConnectionRetry(this::plain)) {
            client.execute(start("a")).close();
            Request load = Request.builder()
                    .method(Request.Method.POST)
                    .path("/images/load")
                    .body(new ByteArrayInputStream(new byte[] {1, 2, 3}))
                    .build();

            assertFailsOnADeadConnection(() -> client.execute(load).close());
        }
        assertThat(fake.requests()).containsExactly("POST /containers/a/start HTTP/1.1");
    }

    @Test
    void everyCallOfTheEngineSurvivesTheEngineClosingItsConnections() {
        try (DockerJavaEngine engine = new DockerJavaEngine(endpoint)) {
            engine.startContainer("3f2a1c9b04de77");
            engine.stopContainer("3f2a1c9b04de77", Duration.ZERO);
            engine.removeContainer("3f2a1c9b04de77");
        }
        assertThat(fake.requests())
                .containsExactly(
                        "POST /containers/3f2a1c9b04de77/start HTTP/1.1",
                        "POST /containers/3f2a1c9b04de77/kill HTTP/1.1",
                        "DELETE /containers/3f2a1c9b04de77?v=true&force=true HTTP/1.1");
    }

    @Test
    void aDeadConnectionIsNoAnswerABrokenPipeOrAReset() {
        assertThat(StaleConnectionRetry.isDeadConnection(
                        new RuntimeException(new NoHttpResponseException("The target server failed to respond"))))
                .isTrue();
        assertThat(StaleConnectionRetry.isDeadConnection(new RuntimeException(new IOException("Broken pipe"))))
                .isTrue();
        assertThat(StaleConnectionRetry.isDeadConnection(new SocketException("Connection reset by peer")))
                .isTrue();
        assertThat(StaleConnectionRetry.isDeadConnection(new RuntimeException(new IOException("Connection refused"))))
                .isFalse();
        assertThat(StaleConnectionRetry.isDeadConnection(new SocketTimeoutException("Read timed out")))
                .isFalse();
    }

    /**
     * Whether the kernel reports the engine's close as a broken pipe (the request was still being written) or as a reset
     * (the answer was being read) depends on timing, so either counts.
     */
    private static void assertFailsOnADeadConnection(ThrowingCallable request) {
        assertThatThrownBy(request).satisfies(failure -> assertThat(StaleConnectionRetry.isDeadConnection(failure))
                .as("%s", failure)
                .isTrue());
    }

    /** Named like Apache's, which this package does not import. */
    private static final class NoHttpResponseException extends IOException {
        NoHttpResponseException(String message) {
            super(message);
        }
    }
}

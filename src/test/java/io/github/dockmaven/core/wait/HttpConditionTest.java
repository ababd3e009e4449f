package io.github.dockmaven.core.wait;

import static io.github.dockmaven.core.wait.Containers.running;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerLog;
import io.github.dockmaven.core.WaitSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConditionTest {

    private final ContainerLog log = new ContainerLog(line -> {});
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            int status =
                    switch (exchange.getRequestURI().getPath()) {
                        case "/health" -> 200;
                        case "/moved" -> 302;
                        case "/starting" -> 503;
                        default -> 404;
                    };
            byte[] body = ("status " + status).getBytes();
            exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Probe probe() {
        return new Probe(
                running(Health.NONE, Map.of("8080/tcp", server.getAddress().getPort())), log, "127.0.0.1");
    }

    private static HttpCondition http(String path, String method, int min, int max) {
        return new HttpCondition(new WaitSpec.Http(8080, path, method, min, max));
    }

    @Test
    void holdsWhenTheStatusIsInTheRange() {
        assertThat(http("/health", "GET", 200, 399).check(probe())).isTrue();
        assertThat(requests).containsExactly("GET /health");
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() {
        assertThat(http("/moved", "GET", 200, 399).check(probe())).isTrue();
        assertThat(requests).containsExactly("GET /moved");
    }

    @Test
    void usesTheConfiguredMethod() {
        assertThat(http("/health", "HEAD", 200, 200).check(probe())).isTrue();
        assertThat(requests).containsExactly("HEAD /health");
    }

    @Test
    void failsWithTheStatusWhenItIsOutOfTheRange() {
        HttpCondition condition = http("/starting", "GET", 200, 399);

        assertThat(condition.check(probe())).isFalse();
        assertThat(condition.lastFailure())
                .isEqualTo("GET http://127.0.0.1:" + server.getAddress().getPort() + "/starting answered 503");
    }

    @Test
    void holdsForAnErrorStatusWhenThatIsWhatIsExpected() {
        assertThat(http("/starting", "GET", 503, 503).check(probe())).isTrue();
    }

    @Test
    void failsNamingTheFixWhenThePortIsNotPublished() {
        HttpCondition condition = http("/health", "GET", 200, 399);

        assertThat(condition.check(new Probe(running(), log, "127.0.0.1"))).isFalse();
        assertThat(condition.lastFailure()).isEqualTo("port 8080 is not published; add <port>8080</port> to <ports>");
    }

    @Test
    void describesTheRequestAndTheAcceptedStatuses() {
        assertThat(http("/health", "GET", 200, 399).describe())
                .isEqualTo("HTTP GET /health on port 8080 answering 200..399");
    }
}

package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.EngineException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that accepts connections and never answers, like a frozen daemon, must not hang a build. */
class DockerJavaEngineTimeoutTest {

    @TempDir
    Path temp;

    private ServerSocketChannel silent;
    private final List<SocketChannel> accepted = new ArrayList<>();
    private DockerJavaEngine engine;

    @BeforeEach
    void silentEngine() throws Exception {
        Path socket = temp.resolve("silent.sock");
        silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        silent.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        engine = new DockerJavaEngine(
                new EngineEndpoint("unix://" + socket, null, "test"),
                RegistryAuth.NONE,
                Duration.ofMillis(200),
                Duration.ofMillis(500));
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        silent.close();
        for (SocketChannel channel : accepted) {
            channel.close();
        }
    }

    @Test
    void aRequestGivesUpAfterTheConnectAndResponseTimeouts() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> engine.inspect("3f2a1c9b04de77"))
                .isExactlyInstanceOf(EngineException.class)
                .hasMessage("Could not inspect container 3f2a1c9b04de: the engine did not answer within 1s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void followingLogsGivesUpTooAndStillEnds() {
        AtomicInteger ended = new AtomicInteger();

        assertThatThrownBy(() -> engine.followLogs("3f2a1c9b04de77", line -> {}, ended::incrementAndGet))
                .hasMessage("Could not follow the output of container 3f2a1c9b04de: the engine did not answer within"
                        + " 1s");
        assertThat(ended).hasValue(1);
    }

    @Test
    void infoStillAnswersWithAnUnknownVersion() {
        assertThat(engine.info().version()).isEqualTo("unknown");
        assertThat(engine.info().portHost()).isEqualTo("localhost");
    }
}

package io.github.dockmaven.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockmaven.core.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The clients of one engine and the deadlines of their calls.
 *
 * <p>Request/response calls go through one client and each has a deadline (the connection timeout plus the response
 * timeout), enforced by a watchdog because docker-java's Unix socket ignores socket read timeouts. Pulls and loads may
 * run for long, so they are bounded by inactivity instead: they fail when no progress arrives for that long. Following
 * logs uses a second client without any response timeout, since a quiet container is not a dead engine. A third, plain
 * HTTP client serves the few calls docker-java has no command for. All are created on first use, all survive a
 * connection the engine closed while restarting ({@link StaleConnectionRetry}), and {@link #close()} closes them all.
 */
final class EngineClients implements Closeable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EngineEndpoint endpoint;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemonThreads());

    private DockerClient requests;
    private DockerClient streams;
    private DockerHttpClient raw;
    private boolean closed;

    EngineClients(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        this.endpoint = endpoint;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration responseTimeout() {
        return responseTimeout;
    }

    /** The deadline of one request/response call. */
    Duration requestLimit() {
        return connectTimeout.plus(responseTimeout);
    }

    /** Runs {@code action} on the request client within {@link #requestLimit()}. */
    <T> T request(String attempt, Function<DockerClient, T> action) {
        return timed(attempt, requestLimit(), () -> action.apply(client(attempt, false)));
    }

    /** Runs a removal on the request client: a resource that is gone already is what removing wanted. */
    void removal(String attempt, Function<DockerClient, ?> action) {
        try {
            request(attempt, action);
        } catch (EngineException.NotFound gone) {
            // already gone
        }
    }

    /** Runs {@code action} on the watchdog: it fails when {@code limit} passes without an answer. */
    <T> T timed(String attempt, Duration limit, Callable<T> action) {
        Future<T> future;
        try {
            future = calls.submit(action);
        } catch (RejectedExecutionException e) {
            throw closedFailure(attempt, e);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(attempt, e.getCause());
        } catch (TimeoutException e) {
            // interrupting the call closes its socket channel, which is what unblocks a read on a Unix socket
            future.cancel(true);
            throw new EngineException(attempt + ": the engine did not answer within " + seconds(limit) + "s", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw interrupted(attempt, e);
        }
    }

    /** Waits for a pull or load to end; fails when nothing happened on it for {@link #requestLimit()}. */
    void awaitStream(String attempt, StreamCallback<?> callback) {
        awaitStream(attempt, callback, requestLimit());
    }

    /** Waits for a stream to end; fails when nothing happened on it for {@code silenceLimit}. */
    void awaitStream(String attempt, StreamCallback<?> callback, Duration silenceLimit) {
        try {
            while (!callback.awaitEnd(Duration.ofMillis(250))) {
                if (callback.idleFor().compareTo(silenceLimit) > 0) {
                    callback.close();
                    throw new EngineException(attempt + ": no progress for " + seconds(silenceLimit)
                            + "s; is the network or the engine down?");
                }
            }
        } catch (InterruptedException e) {
            callback.close();
            throw interrupted(attempt, e);
        }
    }

    /** The port's exception for a failure of {@code attempt}, naming this engine when it did not answer. */
    EngineException failure(String attempt, Throwable failure) {
        return Failures.map(attempt, failure, endpoint.host());
    }

    /**
     * The request client ({@code streaming} false), or the client without response timeout for calls whose answer
     * may take long to come: followed logs, loads, stops with a long grace.
     */
    synchronized DockerClient client(String attempt, boolean streaming) {
        if (closed) {
            throw closedFailure(attempt, null);
        }
        try {
            if (streaming) {
                if (streams == null) {
                    streams = newClient(endpoint, connectTimeout, null);
                }
                return streams;
            }
            if (requests == null) {
                requests = newClient(endpoint, connectTimeout, responseTimeout);
            }
            return requests;
        } catch (RuntimeException e) {
            throw new EngineException(
                    attempt + ": cannot set up a connection to " + endpoint.host() + ": " + Failures.describe(e), e);
        }
    }

    /** The plain HTTP client, for the few calls docker-java has no command for. */
    synchronized DockerHttpClient raw(String attempt) {
        if (closed) {
            throw closedFailure(attempt, null);
        }
        if (raw == null) {
            raw = new StaleConnectionRetry(() -> httpClient(endpoint, connectTimeout, responseTimeout));
        }
        return raw;
    }

    /** Closes every client; running calls fail. */
    @Override
    public void close() {
        Closeable[] clients;
        synchronized (this) {
            closed = true;
            clients = new Closeable[] {raw, requests, streams};
            raw = null;
            requests = null;
            streams = null;
        }
        calls.shutdownNow();
        for (Closeable client : clients) {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException | RuntimeException ignored) {
                    // a client that cannot close has nothing left to release
                }
            }
        }
    }

    /** A docker-java client for {@code endpoint}; a null {@code responseTimeout} waits for answers forever. */
    static DockerClient newClient(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        // built by hand, not from createDefaultConfigBuilder(): that one reads DOCKER_HOST, ~/.docker-java.properties
        // and system properties behind our back, and the locator has decided already
        DefaultDockerClientConfig.Builder config =
                new DefaultDockerClientConfig.Builder().withDockerHost(endpoint.host());
        if (endpoint.tlsCertDir() != null) {
            config.withCustomSslConfig(
                    new LocalDirectorySSLConfig(endpoint.tlsCertDir().toString()));
        }
        return DockerClientImpl.getInstance(
                ClientJson.sharing(config.build()),
                new StaleConnectionRetry(() -> httpClient(endpoint, connectTimeout, responseTimeout)));
    }

    /** The HTTP client under {@link #newClient}, also used alone to ping. */
    static DockerHttpClient httpClient(EngineEndpoint endpoint, Duration connectTimeout, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint.host()))
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        if (endpoint.tlsCertDir() != null) {
            http.sslConfig(new LocalDirectorySSLConfig(endpoint.tlsCertDir().toString()));
        } else if (LocalSocketTls.isLocalSocket(endpoint.host())) {
            http.sslConfig(LocalSocketTls.NONE);
        }
        return http.build();
    }

    /** Whole seconds, rounded up, for messages. */
    static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    /** The failure of a call interrupted while it waited; keeps the thread's interrupt. */
    static EngineException interrupted(String attempt, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new EngineException(attempt + ": interrupted", e);
    }

    private static EngineException closedFailure(String attempt, Throwable cause) {
        return new EngineException(attempt + ": the connection to the engine is closed", cause);
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "dock-engine-call-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

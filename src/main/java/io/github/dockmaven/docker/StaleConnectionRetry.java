package io.github.dockmaven.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An HTTP client that survives the engine restarting under it: a request that meets a pooled connection the engine
 * closed in the meantime is sent once more, on a new client whose pool is empty.
 *
 * <p>The client keeps connections open between requests. When the engine restarts, every idle connection is dead, and
 * the next request on one fails at once (no answer, broken pipe, connection reset), although the engine is back. Every
 * call of the adapter goes through here, so each one survives that, not only stopping.
 *
 * <p>Sending a request twice must not do twice what the engine did once (create, start). So the request is sent again
 * only when all of these hold:
 *
 * <ul>
 *   <li>the failure says the connection was closed under the request before any answer came back: no response at
 *       all, a broken pipe while writing, or a reset. A request the engine answered, even with an error, is never
 *       sent again;
 *   <li>it failed within {@link #FAST}: a dead connection fails on the first write or read, while an engine that took
 *       the request and then died while working on it (the only case in which the engine could have acted) mostly
 *       takes longer. Within that window, the engine going down mid-request is a restart racing our request; a repeated
 *       create then meets the name taken (a clear failure, not a silent duplicate), and an unnamed duplicate carries
 *       our labels, so cleanup finds it;
 *   <li>its body can be sent again (JSON bytes, not the stream of an image archive being loaded).
 * </ul>
 *
 * <p>The new client is needed because after a restart every idle connection of the old pool is dead: a retry on the
 * same pool would only meet the next one. The old client is closed with this one, so calls still running on it (a
 * followed log) end normally.
 */
final class StaleConnectionRetry implements DockerHttpClient {

    /**
     * How quickly a request must have failed to count as having met a dead connection. Above the longest such failure:
     * the HTTP client itself waits 1s before trying an idempotent request once more on the next pooled connection.
     */
    static final Duration FAST = Duration.ofSeconds(2);

    private final Supplier<DockerHttpClient> factory;
    private final LongSupplier nanoTime;
    private final List<DockerHttpClient> retired = new ArrayList<>();
    private DockerHttpClient current;

    StaleConnectionRetry(Supplier<DockerHttpClient> factory) {
        this(factory, System::nanoTime);
    }

    StaleConnectionRetry(Supplier<DockerHttpClient> factory, LongSupplier nanoTime) {
        this.factory = factory;
        this.nanoTime = nanoTime;
        this.current = factory.get();
    }

    @Override
    public Response execute(Request request) {
        DockerHttpClient client = current();
        long start = nanoTime.getAsLong();
        try {
            return client.execute(request);
        } catch (RuntimeException failure) {
            boolean fast = nanoTime.getAsLong() - start <= FAST.toNanos();
            if (!fast || !isDeadConnection(failure) || !canResend(request)) {
                throw failure;
            }
            return replace(client).execute(request);
        }
    }

    @Override
    public void close() throws IOException {
        List<DockerHttpClient> all;
        synchronized (this) {
            all = new ArrayList<>(retired);
            all.add(current);
        }
        IOException first = null;
        for (DockerHttpClient client : all) {
            try {
                client.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private synchronized DockerHttpClient current() {
        return current;
    }

    /** A client with an empty pool; several calls that met dead connections at once share one. */
    private synchronized DockerHttpClient replace(DockerHttpClient failed) {
        if (current == failed) {
            retired.add(current);
            current = factory.get();
        }
        return current;
    }

    /**
     * True when the connection was closed under the request before an answer came: Apache's {@code
     * NoHttpResponseException} (the engine closed without a byte of answer), a broken pipe (closed while we wrote) or a
     * reset (closed, and our bytes were refused).
     */
    static boolean isDeadConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("NoHttpResponseException")) {
                return true;
            }
            if (cause instanceof IOException) {
                String text =
                        cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                if (text.contains("broken pipe") || text.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A request without body or with its body in bytes can be sent again; a streamed body is used up. */
    private static boolean canResend(Request request) {
        return request.hijackedInput() == null && (request.bodyBytes() != null || request.body() == null);
    }
}

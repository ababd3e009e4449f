package io.github.dockmaven.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The HTTP service: {@code /items/<key>} (see {@link ItemsHandler}) and {@code /health}, which answers 200 once the
 * server listens. Every request is written to the access log.
 */
public final class Service implements AutoCloseable {

    private final HttpServer server;
    private final AccessLog accessLog;

    private Service(HttpServer server, AccessLog accessLog) {
        this.server = server;
        this.accessLog = accessLog;
    }

    /** Starts listening on the port given (0: a free one), logging requests to the file given. */
    public static Service start(int port, Path accessLogFile, Clock clock) throws IOException {
        AccessLog accessLog = AccessLog.open(accessLogFile, clock);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext(ItemsHandler.PREFIX, new ItemsHandler(new ItemStore()))
                .getFilters()
                .add(accessLog);
        server.createContext("/health", Service::health).getFilters().add(accessLog);
        // No executor: requests are handled one at a time on the server's dispatcher thread, which close() joins,
        // so every request's log line is written by the time close() returns.
        server.start();
        return new Service(server, accessLog);
    }

    private static void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            Responses.text(exchange, 200, "ok\n");
        }
    }

    /** The port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets the request in progress finish, and closes the access log. */
    @Override
    public void close() throws IOException {
        server.stop(0);
        accessLog.close();
    }
}

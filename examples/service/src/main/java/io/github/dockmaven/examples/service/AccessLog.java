package io.github.dockmaven.examples.service;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * Appends one line per request to a file: {@code <time> <method> <path> <status>}. Each line is flushed as it is
 * written, so the file holds every finished request also when the process is killed.
 */
final class AccessLog extends Filter implements AutoCloseable {

    private final Writer out;
    private final Clock clock;

    private AccessLog(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Opens the file for appending, creating it and its folders if needed. */
    static AccessLog open(Path file, Clock clock) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        return new AccessLog(
                Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                clock);
    }

    /** {@code 2026-12-04T12:00:00Z GET /items/greeting 200}. */
    static String line(Instant time, String method, String path, int status) {
        return time + " " + method + " " + path + " " + status;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        try {
            chain.doFilter(exchange);
        } finally {
            write(line(
                    clock.instant(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getResponseCode()));
        }
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the access log", e);
        }
    }

    @Override
    public String description() {
        return "access log";
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

package io.github.dockmaven.examples.service;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the service's answers: UTF-8 text, or no body. */
final class Responses {

    private Responses() {}

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void empty(HttpExchange exchange, int status) throws IOException {
        // -1: no body at all; 0 would mean a chunked body of unknown length.
        exchange.sendResponseHeaders(status, -1);
    }
}

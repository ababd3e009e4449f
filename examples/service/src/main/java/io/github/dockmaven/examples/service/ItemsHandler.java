package io.github.dockmaven.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /items/<key>}: {@code PUT} stores the request body (UTF-8 text) under the key, {@code GET} answers it. Keys
 * are letters, digits, {@code .}, {@code _} and {@code -}.
 */
final class ItemsHandler implements HttpHandler {

    static final String PREFIX = "/items/";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

    private final ItemStore store;

    ItemsHandler(ItemStore store) {
        this.store = store;
    }

    /** The key a request path names, or empty when the path is not {@code /items/<key>} with a valid key. */
    static Optional<String> keyOf(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String key = path.substring(PREFIX.length());
        return KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> key = keyOf(exchange.getRequestURI().getPath());
            if (key.isEmpty()) {
                Responses.text(exchange, 400, "a key is letters, digits, '.', '_' and '-': /items/<key>\n");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> get(exchange, key.get());
                case "PUT" -> put(exchange, key.get());
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, PUT");
                    Responses.text(exchange, 405, "use GET or PUT\n");
                }
            }
        }
    }

    private void get(HttpExchange exchange, String key) throws IOException {
        Optional<String> value = store.get(key);
        if (value.isPresent()) {
            Responses.text(exchange, 200, value.get());
        } else {
            Responses.text(exchange, 404, "no item '" + key + "'\n");
        }
    }

    private void put(HttpExchange exchange, String key) throws IOException {
        String value = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean created = store.put(key, value);
        Responses.empty(exchange, created ? 201 : 204);
    }
}

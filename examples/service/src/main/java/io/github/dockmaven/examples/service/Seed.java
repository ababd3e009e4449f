package io.github.dockmaven.examples.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Stores the items of a properties file ({@code key=value} lines) through a service's HTTP API, one {@code PUT} each.
 * It goes through HTTP rather than into the store directly, so seeded items took the path every client's take. Uses
 * {@link HttpURLConnection}: the runtime image has only {@code java.base} and {@code jdk.httpserver}.
 */
final class Seed {

    private Seed() {}

    /** PUTs every item of the file to {@code <baseUrl>/items/<key>}; returns how many it stored. */
    static int fromFile(Path file, String baseUrl) throws IOException {
        Map<String, String> items = read(file);
        for (Map.Entry<String, String> item : items.entrySet()) {
            put(URI.create(baseUrl + ItemsHandler.PREFIX + item.getKey()), item.getValue());
        }
        return items.size();
    }

    /** The items of a properties file (UTF-8), sorted by key so the seeding order is the same every time. */
    static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> items = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> items.put(key, properties.getProperty(key)));
        return items;
    }

    private static void put(URI uri, String value) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(value.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            if (status != 201 && status != 204) {
                throw new IOException("PUT " + uri + " answered " + status + ", not 201 or 204");
            }
        } finally {
            connection.disconnect();
        }
    }
}

package io.github.dockmaven.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service in this JVM, on a free port, over real HTTP; no Docker needed. */
class ServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path folder;

    private Path accessLog;
    private Service service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        accessLog = folder.resolve("logs/access.log");
        service = Service.start(0, accessLog, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
    }

    @Test
    void anItemPutIsReadBack() throws Exception {
        assertEquals(201, send("PUT", "/items/greeting", "hello").statusCode());
        assertAnswer(200, "hello", send("GET", "/items/greeting", null));
    }

    @Test
    void aSecondPutReplacesTheValue() throws Exception {
        send("PUT", "/items/greeting", "hello");
        assertEquals(204, send("PUT", "/items/greeting", "hi").statusCode());
        assertEquals("hi", send("GET", "/items/greeting", null).body());
    }

    @Test
    void anItemNeverPutIsNotFound() throws Exception {
        assertAnswer(404, "no item 'missing'\n", send("GET", "/items/missing", null));
    }

    @Test
    void aKeyWithASlashIsRefused() throws Exception {
        assertAnswer(
                400, "a key is letters, digits, '.', '_' and '-': /items/<key>\n", send("GET", "/items/a/b", null));
    }

    @Test
    void deleteIsNotAllowed() throws Exception {
        HttpResponse<String> answer = send("DELETE", "/items/greeting", null);
        assertEquals(405, answer.statusCode());
        assertEquals("GET, PUT", answer.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void healthAnswersOk() throws Exception {
        assertAnswer(200, "ok\n", send("GET", "/health", null));
    }

    @Test
    void everyRequestIsInTheAccessLogOnceTheServiceHasStopped() throws Exception {
        send("PUT", "/items/greeting", "hello");
        send("GET", "/items/missing", null);
        send("GET", "/health", null);
        service.close();
        assertEquals(
                List.of(
                        "2026-12-04T12:00:00Z PUT /items/greeting 201",
                        "2026-12-04T12:00:00Z GET /items/missing 404",
                        "2026-12-04T12:00:00Z GET /health 200"),
                Files.readAllLines(accessLog));
    }

    @Test
    void seedStoresEveryItemOfTheFile() throws Exception {
        Path items = Files.writeString(
                folder.resolve("items.properties"), "greeting=hello, seeded\n# a comment\ncolour=blue\n");
        assertEquals(2, Seed.fromFile(items, baseUrl()));
        assertEquals("hello, seeded", send("GET", "/items/greeting", null).body());
        assertEquals("blue", send("GET", "/items/colour", null).body());
    }

    @Test
    void seedFailsNamingTheRequestTheServiceRefused() throws Exception {
        Path items = Files.writeString(folder.resolve("items.properties"), "not/a/key=x\n");
        IOException failure = assertThrows(IOException.class, () -> Seed.fromFile(items, baseUrl()));
        assertEquals("PUT " + baseUrl() + "/items/not/a/key answered 400, not 201 or 204", failure.getMessage());
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + service.port();
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode());
        assertEquals(body, answer.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class StackIT {

    private static final String GREETING = "hello-from-dotenv from-the-environment";

    @Test
    void webServesWhatTheMigrationWroteThroughItsExportedPort() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(System.getProperty("web.url"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(GREETING + "\n", response.body());
    }

    @Test
    void redisHoldsTheMigratedValueThroughItsExportedPort() throws Exception {
        try (Socket socket = new Socket(System.getProperty("redis.host"), Integer.parseInt(System.getProperty("redis.port")))) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET greeting\r\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("$" + GREETING.length(), in.readLine());
            assertEquals(GREETING, in.readLine());
        }
    }

    @Test
    void theMigrationHadExitedBeforeWebStarted() throws Exception {
        Instant migrateFinished = time(System.getProperty("migrate.id"), "{{.State.FinishedAt}}");
        Instant webStarted = time(System.getProperty("web.id"), "{{.State.StartedAt}}");
        assertTrue(migrateFinished.isBefore(webStarted), "migrate finished " + migrateFinished + ", web started " + webStarted);
    }

    /** A timestamp of the engine's: RFC 3339 from Docker, Go's default layout from Podman. */
    private static Instant time(String id, String format) throws Exception {
        Process p = new ProcessBuilder("docker", "inspect", "-f", format, id).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), text);
        if (text.contains("T")) {
            return Instant.parse(text);
        }
        String trimmed = text.replaceFirst(" [A-Z]+$", "");
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.n] Z")).toInstant();
    }
}

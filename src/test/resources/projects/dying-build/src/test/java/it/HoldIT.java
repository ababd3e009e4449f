package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Talks to app, says so in the file it-started, and holds until the file release appears (at most two minutes). */
class HoldIT {

    @Test
    void holdsWhileTheContainersRun() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(System.getProperty("app.url"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("app-up\n", response.body());
        Path markers = Path.of(System.getProperty("hold.markers"));
        Files.writeString(markers.resolve("it-started"), "started");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(markers.resolve("release"))) {
            assertTrue(System.currentTimeMillis() < deadline, "not released within two minutes");
            Thread.sleep(100);
        }
    }
}

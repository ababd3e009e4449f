package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ReusedIT {

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(System.getProperty("db.url") + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void dbServesTheValueOfThisBuildsConfiguration() throws Exception {
        assertEquals(System.getProperty("db.value") + "\n", get("index.html"));
    }

    @Test
    void itsPostStartRanOnceWhenItWasCreated() throws Exception {
        assertEquals("started\n", get("starts"));
    }
}

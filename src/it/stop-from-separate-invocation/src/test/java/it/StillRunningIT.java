package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Runs in a Maven invocation after the one that started the container: it must still be there. */
class StillRunningIT {

    @Test
    void containerStartedByAnEarlierMavenRunStillAnswers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:18124/index.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("still-here\n", response.body());
    }
}

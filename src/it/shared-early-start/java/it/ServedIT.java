package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The IT of the early-start projects: the container dock:run handed over serves the page this build expects. */
class ServedIT {

    @Test
    void theExportedPortLeadsToTheContainerOfThisBuildsConfiguration() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(System.getProperty("web.url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(System.getProperty("expected.body") + "\n", response.body());
    }
}

package io.github.dockmaven.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The service in its image, built from this project's Dockerfile with the jar {@code package} just made.
 * dock-maven-plugin starts it before this test and seeds it from {@code src/test/seed/items.properties} (see the POM);
 * failsafe passes its address in as {@code service.url}.
 */
class ServiceIT {

    private final String url = required("service.url");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSeededItemsAreThere() throws Exception {
        assertEquals("hello, seeded by postStart", get("/items/greeting").body());
        assertEquals("blue", get("/items/colour").body());
    }

    @Test
    void anItemPutIsReadBack() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(url + "/items/from-the-it"))
                .PUT(HttpRequest.BodyPublishers.ofString("written by ServiceIT"))
                .build();
        assertEquals(201, http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals("written by ServiceIT", get("/items/from-the-it").body());
    }

    @Test
    void healthAnswersOk() throws Exception {
        assertEquals(200, get("/health").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(
                    "System property '" + property + "' is not set; run the ITs through 'mvn verify', which starts"
                            + " the container and passes its address in");
        }
        return value;
    }
}

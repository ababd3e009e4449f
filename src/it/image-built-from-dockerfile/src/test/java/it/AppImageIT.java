package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AppImageIT {

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(System.getProperty("app.url") + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    @Test
    void theImageHoldsTheJarThatPackageMade() throws Exception {
        assertEquals("hello from the jar\n", get("/from-the-jar.txt"));
    }

    @Test
    void theBuildArgReachedTheBuild() throws Exception {
        assertEquals("hello from a build arg\n", get("/greeting.txt"));
    }
}

package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainersIT {

    @Test
    void webAnswersThroughTheExportedPort() throws Exception {
        String url = System.getProperty("web.url");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("hello-from-web\n", response.body());
    }

    @Test
    void echoAnswersThroughTheFirstPortProperty() throws Exception {
        try (Socket socket = new Socket(System.getProperty("echo.host"), Integer.parseInt(System.getProperty("echo.port")))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("ping\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ping", in.readLine());
        }
    }

    @Test
    void idNameAndIpAreExported() {
        assertTrue(System.getProperty("echo.id").matches("[0-9a-f]{64}"), System.getProperty("echo.id"));
        assertTrue(System.getProperty("echo.name").startsWith("happy-path-properties-echo-"), System.getProperty("echo.name"));
        assertTrue(System.getProperty("echo.ip").matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), System.getProperty("echo.ip"));
    }
}

package io.github.dockmaven.examples.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Talks to the services of compose.yaml through the ports dock-maven-plugin published and exported. */
class StackIT {

    @Test
    void theWebServiceAnswers() throws IOException {
        URI uri = URI.create("http://" + System.getProperty("web.host") + ":" + System.getProperty("web.port") + "/");
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (BufferedReader body = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(200, connection.getResponseCode());
            assertEquals("hello from web", body.readLine());
        }
    }

    @Test
    void theMigrationRanBeforeTheTests() throws IOException {
        try (Socket redis = new Socket(System.getProperty("redis.host"), Integer.getInteger("redis.port"))) {
            OutputStream out = redis.getOutputStream();
            out.write("GET schema:version\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(redis.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("$1", in.readLine()); // a bulk string of one byte
            assertEquals("3", in.readLine());
        }
    }
}

package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one IT of every scenario: talks to each endpoint the containers serve ({@code endpoints}: {@code host:port}
 * comma list) in the scenario's {@code protocol}: {@code http} (GET /index.html), {@code echo} (a line comes back) or
 * {@code redis} (PING, PONG). Plain sockets on purpose: java.net.http would add half a second of class loading to the
 * container variants that the baseline does not pay. The baseline variant has no containers and no endpoints: the
 * test is skipped.
 */
class EndpointsIT {

    @Test
    void everyEndpointAnswers() throws Exception {
        String endpoints = System.getProperty("endpoints", "");
        assumeTrue(!endpoints.isBlank(), "no containers in the baseline variant");
        String protocol = System.getProperty("protocol", "echo");
        for (String endpoint : endpoints.split(",")) {
            int colon = endpoint.lastIndexOf(':');
            String host = endpoint.substring(0, colon).trim();
            int port = Integer.parseInt(endpoint.substring(colon + 1).trim());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                switch (protocol) {
                    case "http" -> {
                        out.write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String status = in.readLine();
                        assertTrue(status != null && status.contains(" 200"), endpoint + ": " + status);
                    }
                    case "redis" -> {
                        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        assertEquals("+PONG", in.readLine(), endpoint);
                    }
                    default -> {
                        out.write("ping\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        assertEquals("ping", in.readLine(), endpoint);
                    }
                }
            }
        }
    }
}

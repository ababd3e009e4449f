package it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the engine, over its unix socket and without any client library, which containers of a project exist: the unit
 * tests of the early-start projects run before dock:run, so nothing of the plugin can tell them. The socket is the one
 * of DOCKER_HOST when that names a unix socket (Podman's, under scripts/test-podman.sh), else Docker's default.
 */
final class EngineProbe {

    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private final Path socket;

    EngineProbe() {
        String host = System.getenv("DOCKER_HOST");
        socket = host != null && host.startsWith("unix://")
                ? Path.of(URI.create(host).getPath())
                : Path.of("/var/run/docker.sock");
    }

    /** Whether a container labelled as the project's exists, running ones only or in any state. */
    boolean hasContainerOf(String project, boolean runningOnly) throws IOException {
        String filters = "{\"label\":[\"io.github.dockmaven.project=" + project + "\"]"
                + (runningOnly ? ",\"status\":[\"running\"]" : "") + "}";
        String body = get("/containers/json?all=true&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
        return body.contains("\"Id\"");
    }

    /** Whether a running container labelled as the project's holds {@code file}. */
    boolean hasRunningContainerWithFile(String project, String file) throws IOException {
        String filters = "{\"label\":[\"io.github.dockmaven.project=" + project + "\"],\"status\":[\"running\"]}";
        String body = get("/containers/json?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
        Matcher ids = ID.matcher(body);
        while (ids.find()) {
            String stat = "/containers/" + ids.group(1) + "/archive?path="
                    + URLEncoder.encode(file, StandardCharsets.UTF_8);
            if (exchange("HEAD", stat).startsWith("HTTP/1.1 200")) {
                return true;
            }
        }
        return false;
    }

    private String get(String path) throws IOException {
        return body(exchange("GET", path), path);
    }

    /** The engine's whole answer to one request, head and body. */
    private String exchange(String method, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = method + " " + path + " HTTP/1.1\r\nHost: engine\r\nConnection: close\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** The body of a 200 answer, its chunks joined when the engine sent it chunked. */
    private static String body(String response, String path) {
        int end = response.indexOf("\r\n\r\n");
        String head = end < 0 ? response : response.substring(0, end);
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("The engine answered GET " + path + " with: " + response);
        }
        String rest = response.substring(end + 4);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}

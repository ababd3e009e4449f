package io.github.dockmaven.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake engine on a Unix socket that answers one request per connection, promising to keep the connection open, and
 * then closes it without a word: as if the engine restarted after each answer. A client that reuses a pooled connection
 * meets a dead one.
 */
final class RestartingEngine implements AutoCloseable {

    private final ServerSocketChannel server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RestartingEngine(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "restarting-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The request lines received, e.g. {@code POST /containers/abc/start HTTP/1.1}. */
    List<String> requests() {
        return requests;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel connection = server.accept()) {
                String head = readHead(connection);
                if (head == null) {
                    continue;
                }
                requests.add(head.substring(0, head.indexOf("\r\n")));
                String answer = head.startsWith("GET")
                        ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                + "Connection: keep-alive\r\n\r\n{}"
                        : "HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n";
                connection.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException closed) {
                // the test is over, or the client went away
            }
        }
    }

    /** The request's line and headers, with any body read and dropped; null when the client sent nothing. */
    private static String readHead(SocketChannel connection) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (true) {
            String text = bytes.toString(StandardCharsets.US_ASCII);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                int length = contentLength(text.substring(0, end));
                if (text.length() >= end + 4 + length) {
                    return text.substring(0, end);
                }
            }
            buffer.clear();
            if (connection.read(buffer) < 0) {
                return null;
            }
            bytes.write(buffer.array(), 0, buffer.position());
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5_000);
    }
}

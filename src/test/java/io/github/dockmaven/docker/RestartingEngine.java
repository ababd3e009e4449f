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
import java.util.function.Function;

/**
 * A fake engine on a Unix socket that answers one request per connection, promising to keep the connection open, and
 * then closes it without a word: as if the engine restarted after each answer. A client that reuses a pooled connection
 * meets a dead one. What it answers is {@code {}} to a GET and nothing (204) to the rest, or what a test gives it.
 */
final class RestartingEngine implements AutoCloseable {

    private final ServerSocketChannel server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final Function<String, String> answers;

    RestartingEngine(Path socket) throws IOException {
        this(socket, RestartingEngine::emptyAnswer);
    }

    /**
     * @param answers the whole HTTP answer to a request, from its request line and headers
     */
    RestartingEngine(Path socket, Function<String, String> answers) throws IOException {
        this.answers = answers;
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
                connection.write(ByteBuffer.wrap(answers.apply(head).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException closed) {
                // the test is over, or the client went away
            }
        }
    }

    private static String emptyAnswer(String head) {
        return head.startsWith("GET") ? json(200, "{}") : "HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n";
    }

    /** An answer with a JSON body (ASCII only). */
    static String json(int status, String body) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: keep-alive\r\n\r\n" + body;
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

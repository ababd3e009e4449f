package io.github.dockmaven.examples.redis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal Redis client speaking RESP (the Redis serialization protocol) over a plain socket: enough for {@code
 * PING}, {@code SET}, {@code GET} and {@code INCR}. Not thread-safe; one instance per connection.
 *
 * <p>Commands go out as RESP arrays of bulk strings; replies may be simple strings ({@code +OK}), errors ({@code
 * -ERR ...}, thrown as {@link RespException}), integers ({@code :42}) or bulk strings ({@code $5 hello}, {@code $-1}
 * for "no value"). Strings are UTF-8.
 */
public final class RespClient implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /** Connects to a Redis server, with a 5s timeout for the connection and for each reply. */
    public static RespClient connect(String host, int port) throws IOException {
        return connect(host, port, DEFAULT_TIMEOUT);
    }

    /** Connects to a Redis server; {@code timeout} bounds the connection and each wait for a reply. */
    public static RespClient connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            // Every command waits for its reply: sending each one at once matters more than batching.
            socket.setTcpNoDelay(true);
            return new RespClient(
                    socket,
                    new BufferedInputStream(socket.getInputStream()),
                    new BufferedOutputStream(socket.getOutputStream()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A client over given streams, without a socket: for tests that script the server's side. */
    static RespClient over(InputStream in, OutputStream out) {
        return new RespClient(null, in, out);
    }

    /** {@code PING}: returns the server's answer, {@code PONG}. */
    public String ping() throws IOException {
        return call(String.class, "PING");
    }

    /** {@code SET key value}: returns {@code OK}. */
    public String set(String key, String value) throws IOException {
        return call(String.class, "SET", key, value);
    }

    /** {@code GET key}: returns the value, or {@code null} if the key does not exist. */
    public String get(String key) throws IOException {
        return call(String.class, "GET", key);
    }

    /** {@code INCR key}: returns the value after the increment (a missing key counts as 0). */
    public long incr(String key) throws IOException {
        return call(Long.class, "INCR", key);
    }

    /**
     * Sends any command and returns its reply: a {@link String} for simple and bulk strings, {@code null} for a null
     * bulk string, a {@link Long} for integers.
     *
     * @throws RespException if the server answers with an error
     * @throws IOException if the connection fails, times out, or the reply is not RESP this client understands
     */
    public Object call(String... command) throws IOException {
        write(command);
        return read();
    }

    private <T> T call(Class<T> expected, String... command) throws IOException {
        Object reply = call(command);
        if (reply != null && !expected.isInstance(reply)) {
            throw new IOException("Expected a " + expected.getSimpleName() + " reply to " + command[0] + ", got "
                    + reply.getClass().getSimpleName() + " '" + reply + "'");
        }
        return expected.cast(reply);
    }

    private void write(String... command) throws IOException {
        out.write(('*' + Integer.toString(command.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
        out.flush();
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new EOFException("Redis closed the connection instead of replying");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RespException(line);
            case ':':
                return parseLong(line);
            case '$':
                return readBulk(Math.toIntExact(parseLong(line)));
            default:
                throw new IOException("Unexpected RESP reply type '" + (char) type + "' (line: " + line + ")");
        }
    }

    private String readBulk(int length) throws IOException {
        if (length == -1) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("Redis closed the connection in the middle of a " + length + "-byte value");
        }
        // The value is followed by its own CRLF, which is not part of it.
        if (in.read() != '\r' || in.read() != '\n') {
            throw new IOException("Bulk string of " + length + " bytes is not followed by CRLF");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b == -1) {
                throw new EOFException("Redis closed the connection in the middle of a reply");
            }
            line.write(b);
        }
        if (in.read() != '\n') {
            throw new IOException("RESP line is not terminated by CRLF: " + line.toString(StandardCharsets.UTF_8));
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static long parseLong(String line) throws IOException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException("Expected a RESP integer, got '" + line + "'", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}

package io.github.dockmaven.docker;

import io.github.dockmaven.core.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reassembles the chunks of a container's output into whole lines, one buffer per stream. The engine delivers
 * frames as its log driver wrote them: a frame may hold several lines, or part of one (lines over 16 KiB are split).
 * Bytes are buffered, not characters, so a multi-byte character cut between two frames survives.
 */
final class LineAssembler {

    /**
     * Output without a newline (a progress bar, binary data) must not grow without limit; a "line" this long is
     * passed on as it is.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private final Consumer<LogLine> sink;
    private final Map<LogLine.Stream, ByteArrayOutputStream> buffers = new EnumMap<>(LogLine.Stream.class);

    LineAssembler(Consumer<LogLine> sink) {
        this.sink = sink;
    }

    /** Takes one chunk of output; calls the sink for every line it completes. */
    synchronized void accept(LogLine.Stream stream, byte[] chunk) {
        ByteArrayOutputStream buffer = buffers.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : chunk) {
            if (b == '\n') {
                emit(stream, buffer);
            } else {
                buffer.write(b);
                if (buffer.size() >= MAX_LINE_BYTES) {
                    emit(stream, buffer);
                }
            }
        }
    }

    /**
     * Takes the last entry of a stream's output, read again once the followed output ended, and passes it on when it
     * is an unterminated end that the followed stream did not deliver (Docker drops it, see {@link LogFollower}). The
     * engine drops only an unterminated rest, so a terminated entry was delivered; and a stream with part of a line in
     * hand was given its end. Passed on at once, as the output has ended: ends of both streams keep the engine's order.
     */
    synchronized void acceptDroppedEnding(LogLine.Stream stream, byte[] entry) {
        ByteArrayOutputStream buffer = buffers.get(stream);
        boolean unterminated = entry.length > 0 && entry[entry.length - 1] != '\n';
        if (unterminated && (buffer == null || buffer.size() == 0)) {
            accept(stream, entry);
            ByteArrayOutputStream rest = buffers.get(stream);
            if (rest.size() > 0) {
                emit(stream, rest);
            }
        }
    }

    /** Passes on what is left of a line without terminator, once the output has ended. */
    synchronized void flush() {
        for (Map.Entry<LogLine.Stream, ByteArrayOutputStream> entry : buffers.entrySet()) {
            if (entry.getValue().size() > 0) {
                emit(entry.getKey(), entry.getValue());
            }
        }
    }

    private void emit(LogLine.Stream stream, ByteArrayOutputStream buffer) {
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        sink.accept(new LogLine(stream, new String(bytes, 0, length, StandardCharsets.UTF_8)));
    }
}

package io.github.dockmaven.watchdog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Passes the lines written to it on to {@code target}, except those {@code keep} refuses. */
final class LineFilter extends OutputStream {

    private final OutputStream target;
    private final Predicate<String> keep;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineFilter(OutputStream target, Predicate<String> keep) {
        this.target = target;
        this.keep = keep;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** A line not yet ended is passed on (or not) as it is: nothing written is held back. */
    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        if (keep.test(line.toString(StandardCharsets.UTF_8))) {
            line.writeTo(target);
        }
        line.reset();
    }
}

package io.github.dockmaven.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A console that keeps what it was told, as {@code INFO message}, {@code WARN message} and {@code DEBUG message}. */
public final class RecordingConsole implements Console {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    /** What was said at info or warning level, in order. */
    public List<String> said() {
        return lines.stream().filter(l -> !l.startsWith("DEBUG ")).toList();
    }
}

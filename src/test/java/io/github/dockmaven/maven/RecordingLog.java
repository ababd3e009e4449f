package io.github.dockmaven.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/**
 * A Maven log that keeps every line, debug included, so that a test can assert what a goal said, whole, and that it
 * said nothing more: the engine lookup reports each attempt at debug, so a goal that never looked for an engine has no
 * such line.
 */
final class RecordingLog implements Log {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Every line so far, as {@code [LEVEL] message}. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    private void add(String level, CharSequence content, Throwable error) {
        String message = content == null ? "" : content.toString();
        if (error != null) {
            message = message.isEmpty() ? error.toString() : message + ": " + error;
        }
        lines.add("[" + level + "] " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content, error);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content, error);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARNING", content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARNING", content, error);
    }

    @Override
    public void warn(Throwable error) {
        add("WARNING", null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content, error);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", null, error);
    }
}

package io.github.dockmaven.core;

/** One whole line of a container's output, without its line terminator. */
public record LogLine(Stream stream, String text) {

    /** Which output stream the line came from. */
    public enum Stream {
        STDOUT,
        STDERR
    }
}

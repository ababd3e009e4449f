package io.github.dockmaven.examples.redis;

import java.io.IOException;

/** An error reply from Redis ({@code -ERR ...}, {@code -WRONGTYPE ...}); the message is the server's text. */
public final class RespException extends IOException {

    private static final long serialVersionUID = 1L;

    public RespException(String message) {
        super(message);
    }

    /** The error's prefix, by Redis convention its kind: {@code ERR}, {@code WRONGTYPE}, ... */
    public String kind() {
        String message = getMessage();
        int space = message.indexOf(' ');
        return space == -1 ? message : message.substring(0, space);
    }
}

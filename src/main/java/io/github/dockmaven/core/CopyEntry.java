package io.github.dockmaven.core;

import java.nio.file.Path;

/**
 * One {@code <entry>} of {@code <copyIn>} or {@code <copyOut>}: a file or folder and where it goes. As with {@code
 * docker cp}, a {@code to} ending in {@code /} is a folder to copy into, where the copy keeps its name; any other
 * {@code to} is the path the copy gets.
 *
 * @param from for copyIn the host path (absolute, resolved against the project), for copyOut the container path
 * @param to for copyIn the container path, for copyOut the host path (absolute, resolved against the project), each
 *     with its trailing {@code /} if the user wrote one
 */
public record CopyEntry(String from, String to) {

    /** Whether {@code to} is a folder to copy into. */
    public boolean intoFolder() {
        return to.endsWith("/");
    }

    /** For copyIn: the container path the copied file or folder gets. */
    public String containerTarget() {
        return intoFolder() ? to + lastName(from) : to;
    }

    /** For copyOut: the host path the copied file or folder gets. */
    public Path hostTarget() {
        return intoFolder() ? Path.of(to).resolve(lastName(from)) : Path.of(to);
    }

    /** {@code from -> to}, for messages. */
    public String describe() {
        return from + " -> " + to;
    }

    /** The last name of a path, also of a folder written with a trailing {@code /}. */
    private static String lastName(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }
}

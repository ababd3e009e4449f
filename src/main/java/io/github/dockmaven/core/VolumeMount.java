package io.github.dockmaven.core;

import java.nio.file.Path;

/**
 * A {@code <volume>}: a named volume ({@code name:/path}) or a bind mount ({@code /host/path:/path[:ro]}, relative
 * host paths resolved against the project's base directory).
 *
 * @param named whether {@code source} is a named volume
 * @param source the volume name, or the absolute host path
 * @param target the path inside the container
 * @param readOnly whether it is mounted read-only
 * @param external whether the named volume exists already and is mounted by its real name: never created nor removed
 *     by us (a compose volume with {@code external: true})
 */
public record VolumeMount(boolean named, String source, String target, boolean readOnly, boolean external) {

    /** A named volume of the build's own, or a bind mount. */
    public VolumeMount(boolean named, String source, String target, boolean readOnly) {
        this(named, source, target, readOnly, false);
    }

    /** Parses a {@code <volume>} value; throws {@link IllegalArgumentException} with the reason. */
    public static VolumeMount parse(String text, Path baseDir) {
        String trimmed = text == null ? "" : text.trim();
        String[] parts = trimmed.split(":");
        boolean readOnly = false;
        int n = parts.length;
        if (n == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                throw new IllegalArgumentException(
                        "the mode after the second ':' must be 'ro' or 'rw', not '" + parts[2] + "'");
            }
            readOnly = parts[2].equals("ro");
            n = 2;
        }
        if (n != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException(
                    "expected 'name:/container/path' or 'hostPath:/container/path', optionally followed by ':ro'");
        }
        if (!parts[1].startsWith("/")) {
            throw new IllegalArgumentException("the container path '" + parts[1] + "' must be absolute");
        }
        String source = parts[0];
        boolean named = source.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") && !source.startsWith(".");
        if (!named) {
            source = baseDir.resolve(source).normalize().toString();
        }
        return new VolumeMount(named, source, parts[1], readOnly);
    }

    /** Whether this is a named volume of the build's own: created, labelled and removed with it. */
    public boolean isOwn() {
        return named && !external;
    }

    /** The engine's bind syntax. */
    public String bind() {
        return source + ":" + target + (readOnly ? ":ro" : "");
    }
}

package io.github.dockmaven.core;

/** Small helpers for ids and names. */
public final class Ids {

    private Ids() {}

    /** The 12-character short form of a container or image id. */
    public static String shortId(String id) {
        if (id == null) {
            return "?";
        }
        String plain = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return plain.length() > 12 ? plain.substring(0, 12) : plain;
    }
}

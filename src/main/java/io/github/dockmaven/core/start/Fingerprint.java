package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration hash of a reused container: a SHA-256 of each named part of what defines it as it runs (its
 * image's id, command, environment, ports, mounts, ...), and of all of them together. Maps are hashed in key order, so
 * the order a POM or compose file lists entries in does not count; lists in their own order, which does.
 *
 * <p>The whole hash and each part's hash go on the container as labels, so the next build tells an unchanged container
 * from a changed one, and can say which parts changed.
 */
final class Fingerprint {

    /** Hex digits of the whole hash: 64 bits, far from colliding between two configurations of one container. */
    private static final int HASH_LENGTH = 16;
    /** Hex digits of each part's hash: enough to tell a changed part. */
    private static final int PART_LENGTH = 8;

    /** Each part's name and hash, in the order given. */
    private final Map<String, String> parts;

    private Fingerprint(Map<String, String> parts) {
        this.parts = parts;
    }

    /**
     * The fingerprint of these parts, by name: each value a string, a number, a boolean, a record of them, a list or a
     * map of such values, or null.
     */
    static Fingerprint of(Map<String, ?> parts) {
        Map<String, String> hashes = new LinkedHashMap<>();
        parts.forEach((name, value) -> hashes.put(name, sha256(canonical(value)).substring(0, PART_LENGTH)));
        return new Fingerprint(hashes);
    }

    /** The hash of the whole configuration. */
    String hash() {
        StringBuilder all = new StringBuilder();
        parts.forEach((name, hash) -> all.append(name).append('=').append(hash).append(';'));
        return sha256(all.toString()).substring(0, HASH_LENGTH);
    }

    /** The labels that carry it on the container. */
    Map<String, String> labels() {
        List<String> each = new ArrayList<>();
        parts.forEach((name, hash) -> each.add(name + "=" + hash));
        return Map.of(Labels.REUSE, hash(), Labels.REUSE_PARTS, String.join(",", each));
    }

    /** Whether a container with these labels was created from the same configuration. */
    boolean matches(Map<String, String> labels) {
        return hash().equals(labels.get(Labels.REUSE));
    }

    /**
     * The parts whose hashes differ from those on a container with these labels, in this fingerprint's order; every
     * part when the labels do not say (another version of the plugin created it).
     */
    List<String> changedFrom(Map<String, String> labels) {
        Map<String, String> theirs = new LinkedHashMap<>();
        for (String entry : labels.getOrDefault(Labels.REUSE_PARTS, "").split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                theirs.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return parts.entrySet().stream()
                .filter(part -> !part.getValue().equals(theirs.get(part.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * A text that is the same exactly when the values are: each string prefixed with its length, so that no content
     * can pass for a separator; maps in key order.
     */
    private static String canonical(Object value) {
        if (value == null) {
            return "~";
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(canonical(k), canonical(v)));
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> sb.append(k).append(v));
            return sb.append('}').toString();
        }
        if (value instanceof Collection<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(item -> sb.append(canonical(item)));
            return sb.append(']').toString();
        }
        String text = value.toString();
        return text.length() + ":" + text;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

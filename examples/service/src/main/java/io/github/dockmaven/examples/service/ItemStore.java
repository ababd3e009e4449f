package io.github.dockmaven.examples.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The items the service keeps: text values by key, in memory, safe for the server's concurrent requests. */
public final class ItemStore {

    private final ConcurrentMap<String, String> items = new ConcurrentHashMap<>();

    /** Stores a value under a key; returns {@code true} if the key was new, {@code false} if its value was replaced. */
    public boolean put(String key, String value) {
        return items.put(key, value) == null;
    }

    /** The value stored under a key, if any. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(items.get(key));
    }
}

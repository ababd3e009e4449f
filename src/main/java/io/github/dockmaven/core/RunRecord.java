package io.github.dockmaven.core;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one {@code run} execution created and still owns: its containers, its network, the volumes it created, and
 * the log followers to close. {@code stop} undoes exactly this.
 */
public final class RunRecord {

    private final Scope scope;
    private final List<Started> containers = new CopyOnWriteArrayList<>();
    private final List<String> networks = new CopyOnWriteArrayList<>();
    private final List<String> volumes = new CopyOnWriteArrayList<>();
    private final List<Closeable> followers = new CopyOnWriteArrayList<>();

    public RunRecord(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public List<Started> containers() {
        return containers;
    }

    /** Names of the networks this execution created. */
    public List<String> networks() {
        return networks;
    }

    /** Names of the volumes this execution created. */
    public List<String> volumes() {
        return volumes;
    }

    public List<Closeable> followers() {
        return followers;
    }
}

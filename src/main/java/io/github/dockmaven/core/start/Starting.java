package io.github.dockmaven.core.start;

import io.github.dockmaven.core.ContainerLog;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Started;
import java.util.function.BooleanSupplier;

/** A container on its way to ready: its spec, and what the steps before the current one learned about it. */
final class Starting {

    final ContainerSpec spec;
    /** When its first step began, as the start's clock tells it. */
    final long begun;
    /** Whether the start failed elsewhere, so that this container gives up. */
    final BooleanSupplier cancelled;

    /** For a reused container: the fingerprint of its configuration; else null. */
    Fingerprint fingerprint;
    /** Whether an earlier build's container of the same configuration is used again, instead of creating one. */
    boolean adopted;

    /** Set once it was created (or adopted): its name, id and what is known at that point. */
    Started created;
    /** Set once its output is followed. */
    ContainerLog log;
    /** Set when its readiness is awaited: where its published ports are reached. */
    String host;

    Starting(ContainerSpec spec, long begun, BooleanSupplier cancelled) {
        this.spec = spec;
        this.begun = begun;
        this.cancelled = cancelled;
    }

    String id() {
        return created.id();
    }

    /** {@code Container 'db' (postgres:16, 3f2a1c9b04de)}: how messages name it once it exists. */
    String subject() {
        return "Container " + created.describe();
    }
}

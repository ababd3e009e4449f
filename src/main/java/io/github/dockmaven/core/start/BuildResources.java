package io.github.dockmaven.core.start;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.RunRecord;
import io.github.dockmaven.core.Scope;

/** The network and named volumes a start creates for its containers to share, each recorded as soon as it exists. */
final class BuildResources {

    private final Engine engine;
    private final Console console;
    private final Scope scope;
    private final RunRecord record;

    BuildResources(Engine engine, Console console, Scope scope, RunRecord record) {
        this.engine = engine;
        this.console = console;
        this.scope = scope;
        this.record = record;
    }

    /** The name of the build's network. */
    static String networkName(Scope scope) {
        return scope.name("net");
    }

    /** The engine's name of the named volume {@code name} of {@code <volumes>}. */
    static String volumeName(Scope scope, String name) {
        return scope.name("vol-" + name);
    }

    void createNetwork() {
        String name = networkName(scope);
        engine.createNetwork(name, scope.labels());
        record.addNetwork(name);
        console.debug("Created network " + name);
    }

    /** Creates the named volume {@code name}, unless it exists already (then it is not this start's to remove). */
    void createVolume(String name) {
        String actual = volumeName(scope, name);
        if (engine.createVolume(actual, scope.labels())) {
            record.addVolume(actual);
        }
    }
}

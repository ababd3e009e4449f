package io.github.dockmaven.maven;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.GuardedEngine;
import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.EngineEndpoint;
import io.github.dockmaven.docker.EngineLocator;
import io.github.dockmaven.docker.RegistryAuth;

/**
 * The engine of a Maven session, found on first use and kept for the session: log streams outlive the {@code run}
 * goal, and the shutdown hook removes through the same client. It is wrapped in a {@link GuardedEngine}, whose gate
 * the shutdown hook closes.
 */
final class EngineCache {

    private volatile GuardedEngine engine;
    private volatile EngineEndpoint endpoint;

    /** The engine, looked for on the first call. */
    synchronized GuardedEngine get(String explicitHost, Console console, RegistryAuth registryAuth) {
        if (engine == null) {
            DockerJavaEngine found = EngineLocator.locate(explicitHost, registryAuth, console::debug);
            endpoint = found.endpoint();
            engine = new GuardedEngine(found);
            // Only when it is shown: the version costs a request on the way to the first container.
            if (console.isDebugEnabled()) {
                console.debug("Using the engine at " + engine.info().endpoint() + " ("
                        + engine.info().source() + ", " + engine.info().version() + ")");
            }
        }
        return engine;
    }

    /** The engine if one was found already, else null; never waits for a search under way (the shutdown hook asks). */
    GuardedEngine found() {
        return engine;
    }

    /** Where the engine found is reached, else null. */
    EngineEndpoint endpoint() {
        return endpoint;
    }
}

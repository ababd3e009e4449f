package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.EngineException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker refuses to remove a network its store counts an endpoint of that is gone (moby/moby#42119) until it restarts.
 * No request makes a real engine do that on purpose, so a fake one answers as Docker 20.10 did in a benchmark run.
 */
class StuckNetworkTest {

    private static final String NETWORK = "shop-net-6cb8f2de";
    private static final String REFUSAL = "{\"message\":\"error while removing network: network " + NETWORK
            + " id 0745e0443408a95423611a136f8d1edf33eaa7cafcfdeda96cd1a58c32991d18 has active endpoints\"}";

    @TempDir
    Path temp;

    private RestartingEngine engine(String attached) throws Exception {
        return new RestartingEngine(temp.resolve("engine.sock"), head -> {
            if (head.startsWith("DELETE /networks/" + NETWORK)) {
                return RestartingEngine.json(403, REFUSAL);
            }
            if (head.startsWith("GET /networks/" + NETWORK)) {
                return RestartingEngine.json(200, "{\"Name\":\"" + NETWORK + "\",\"Containers\":" + attached + "}");
            }
            return RestartingEngine.json(200, "{}");
        });
    }

    private DockerJavaEngine client() {
        return new DockerJavaEngine(new EngineEndpoint("unix://" + temp.resolve("engine.sock"), null, "test"));
    }

    @Test
    void aRefusalForEndpointsWhenNoContainerIsAttachedSaysTheEngineIsStuckAndHowToClearIt() throws Exception {
        try (RestartingEngine fake = engine("{}");
                DockerJavaEngine engine = client()) {
            assertThatThrownBy(() -> engine.removeNetwork(NETWORK))
                    .isInstanceOf(EngineException.StuckNetwork.class)
                    .hasMessageStartingWith("Could not remove network '" + NETWORK + "': the engine says it has active"
                            + " endpoints, but no container is attached to it.")
                    .hasMessageContaining("moby/moby#42119")
                    .hasMessageEndingWith(
                            "Restart the engine, then remove it: mvn dock:remove, or docker network rm " + NETWORK);
        }
    }

    @Test
    void aRefusalForEndpointsWhileAContainerIsAttachedNamesTheContainer() throws Exception {
        String id = "3f2a1c9b04de77aa3f2a1c9b04de77aa3f2a1c9b04de77aa3f2a1c9b04de77aa";
        try (RestartingEngine fake = engine("{\"" + id + "\":{\"Name\":\"debugger\"}}");
                DockerJavaEngine engine = client()) {
            assertThatThrownBy(() -> engine.removeNetwork(NETWORK))
                    .isNotInstanceOf(EngineException.StuckNetwork.class)
                    .hasMessage("Could not remove network '" + NETWORK + "': still used by container 'debugger'"
                            + " (3f2a1c9b04de). Disconnect or remove it (docker network disconnect " + NETWORK
                            + " <container>); then mvn dock:remove removes the network");
        }
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedEngineTest {

    private final InMemoryEngine engine =
            new InMemoryEngine().image("example/img:1", InMemoryEngine.ImageState.PRESENT);
    private final GuardedEngine guarded = new GuardedEngine(engine);

    @AfterEach
    void shutDown() {
        engine.close();
    }

    private static ContainerCreate container(String name) {
        return new ContainerCreate(
                name,
                "example/img:1",
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                Map.of(),
                null,
                RunOptions.DEFAULTS);
    }

    @Test
    void createsAndStartsUntilMavenExits() {
        String id = guarded.createContainer(container("db"));
        guarded.startContainer(id);
        guarded.createNetwork("net", Map.of());
        guarded.createVolume("vol", Map.of());

        assertThat(engine.containers()).hasSize(1);
        assertThat(guarded.isRefusing()).isFalse();
    }

    @Test
    void refusesToCreateOrStartAnythingOnceMavenExits() {
        String id = guarded.createContainer(container("db"));
        guarded.refuseNewResources();

        assertThatThrownBy(() -> guarded.createContainer(container("app")))
                .isInstanceOf(EngineException.class)
                .hasMessage("Not creating container app: Maven is exiting");
        assertThatThrownBy(() -> guarded.startContainer(id))
                .hasMessage("Not starting container " + Ids.shortId(id) + ": Maven is exiting");
        assertThatThrownBy(() -> guarded.createNetwork("net", Map.of()))
                .hasMessage("Not creating network net: Maven is exiting");
        assertThatThrownBy(() -> guarded.createVolume("vol", Map.of()))
                .hasMessage("Not creating volume vol: Maven is exiting");
        assertThatThrownBy(() -> guarded.pull("example/other:1", null, p -> {}))
                .hasMessage("Not creating image example/other:1: Maven is exiting");
        assertThat(engine.containers()).extracting(ContainerInfo::name).containsExactly("db");
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
    }

    @Test
    void undoesACreationThatWasUnderWayWhenMavenBeganToExit() {
        // the gate closes while the engine creates: what it created must not survive
        GuardedEngine[] gate = new GuardedEngine[1];
        Engine closingMidway = (Engine) Proxy.newProxyInstance(
                Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(engine, args);
                        if (method.getName().startsWith("create")) {
                            gate[0].refuseNewResources();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        gate[0] = new GuardedEngine(closingMidway);

        assertThatThrownBy(() -> gate[0].createContainer(container("db")))
                .hasMessage("Not creating container db: Maven is exiting");
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void undoesANetworkOrVolumeCreationUnderWayWhenMavenBeganToExit() {
        GuardedEngine[] gate = new GuardedEngine[1];
        Engine closingMidway = (Engine) Proxy.newProxyInstance(
                Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, (proxy, method, args) -> {
                    Object result = method.invoke(engine, args);
                    if (method.getName().startsWith("create")) {
                        gate[0].refuseNewResources();
                    }
                    return result;
                });
        gate[0] = new GuardedEngine(closingMidway);
        assertThatThrownBy(() -> gate[0].createNetwork("net", Map.of())).isInstanceOf(EngineException.class);
        gate[0] = new GuardedEngine(closingMidway);
        assertThatThrownBy(() -> gate[0].createVolume("vol", Map.of())).isInstanceOf(EngineException.class);

        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
    }

    @Test
    void stillListsStopsAndRemovesWhenMavenExits() {
        String id = guarded.createContainer(container("db"));
        guarded.startContainer(id);
        guarded.refuseNewResources();

        guarded.stopContainer(id, java.time.Duration.ZERO);
        guarded.removeContainer(id);

        assertThat(guarded.listContainers(Map.of())).isEmpty();
    }
}

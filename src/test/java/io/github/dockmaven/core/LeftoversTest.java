package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerInfo.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeftoversTest {

    private static final String PROJECT = "com.example:shop";
    private static final String HOST = Owners.self().substring(0, Owners.self().lastIndexOf('/'));

    private final InMemoryEngine engine = new InMemoryEngine();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RecordingConsole console = new RecordingConsole();
    private String deadOwner;

    @BeforeEach
    void findADeadProcess() throws Exception {
        deadOwner = HOST + "/" + Processes.deadPid();
    }

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private static Map<String, String> labels(String project, String session, String mode, String owner, String alias) {
        Map<String, String> labels =
                new LinkedHashMap<>(new Scope(project, "shop", session, "default", mode, owner).labels());
        if (alias != null) {
            labels.put(Labels.ALIAS, alias);
        }
        return labels;
    }

    private String container(String name, Map<String, String> labels) {
        return engine.givenContainer(name, "example/db:1", labels, Status.RUNNING);
    }

    @Test
    void removesWhatADeadBuildLeftAndSaysSo() {
        String db = container("shop-db-d3ad", labels(PROJECT, "d3ad", Labels.MODE_LIFECYCLE, deadOwner, "db"));
        engine.givenNetwork("shop-net-d3ad", labels(PROJECT, "d3ad", Labels.MODE_LIFECYCLE, deadOwner, null));
        engine.givenVolume("shop-vol-data-d3ad", labels(PROJECT, "d3ad", Labels.MODE_LIFECYCLE, deadOwner, null));

        new Leftovers(engine, console, executor).clean(PROJECT, "0wn");

        assertThat(engine.containers()).isEmpty();
        assertThat(engine.networks()).isEmpty();
        assertThat(engine.volumes()).isEmpty();
        assertThat(console.said())
                .containsExactly("WARN Removed what an earlier build of com.example:shop (build d3ad, Maven process "
                        + deadOwner + ", which no longer runs) left behind: 1 container ('db' (example/db:1, "
                        + Ids.shortId(db) + ")), 1 network and 1 volume");
    }

    @Test
    void removesANetworkThatADeadBuildLeftWithoutContainers() {
        engine.givenNetwork("shop-net-d3ad", labels(PROJECT, "d3ad", Labels.MODE_LIFECYCLE, deadOwner, null));

        new Leftovers(engine, console, executor).clean(PROJECT, "0wn");

        assertThat(engine.networks()).isEmpty();
    }

    @Test
    void neverTouchesALiveBuildAnotherHostsACommandLineRunOrAnotherProject() {
        container("live", labels(PROJECT, "l1ve", Labels.MODE_LIFECYCLE, Owners.self(), "db"));
        container("elsewhere", labels(PROJECT, "3lse", Labels.MODE_LIFECYCLE, "ci-agent-7/" + 4242, "db"));
        container("cli", labels(PROJECT, "c1i", Labels.MODE_CLI, deadOwner, "db"));
        container("other-project", labels("com.example:other", "d3ad", Labels.MODE_LIFECYCLE, deadOwner, "db"));
        container("own-session", labels(PROJECT, "0wn", Labels.MODE_LIFECYCLE, deadOwner, "db"));
        engine.givenNetwork("live-net", labels(PROJECT, "l1ve", Labels.MODE_LIFECYCLE, Owners.self(), null));

        new Leftovers(engine, console, executor).clean(PROJECT, "0wn");

        assertThat(engine.containers())
                .extracting(ContainerInfo::name)
                .containsExactlyInAnyOrder("live", "elsewhere", "cli", "other-project", "own-session");
        assertThat(engine.networks()).extracting(Engine.ResourceInfo::name).containsExactly("live-net");
        assertThat(console.said()).isEmpty();
    }

    @Test
    void leavesWhatABuildKeptOnPurposeAndSaysHowToRemoveIt() {
        String kept = container("shop-db-k3pt", labels(PROJECT, "k3pt", Labels.MODE_KEPT, deadOwner, "db"));
        engine.givenNetwork("shop-net-k3pt", labels(PROJECT, "k3pt", Labels.MODE_KEPT, deadOwner, null));

        new Leftovers(engine, console, executor).clean(PROJECT, "0wn");

        assertThat(engine.containers()).hasSize(1);
        assertThat(engine.networks()).hasSize(1);
        assertThat(console.said())
                .containsExactly("INFO Earlier builds of com.example:shop kept 1 container with dock.keep: 'db'"
                        + " (example/db:1, " + Ids.shortId(kept) + "); mvn dock:remove removes them");
    }

    @Test
    void anEngineThatCannotListIsNoReasonToFailTheBuild() {
        Engine broken = (Engine) java.lang.reflect.Proxy.newProxyInstance(
                Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, (proxy, method, args) -> {
                    throw new EngineException("Could not list containers: the engine did not answer within 65s");
                });

        new Leftovers(broken, console, executor).clean(PROJECT, "0wn");

        assertThat(console.said()).isEmpty();
    }
}

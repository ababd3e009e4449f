package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.InMemoryEngine.ImageState;
import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fixed container name that is taken: the message says whose container holds it and how to free the name. */
class NameInUseTest {

    private static final String PREFIX =
            "Container 'db' (example/img:1) cannot be created: the name 'mydb' is already" + " in use by container ";

    private final InMemoryEngine engine = new InMemoryEngine().image("example/img:1", ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "7h15bu1ld0", "first", Labels.MODE_LIFECYCLE, Owners.self());

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    /** The holder of 'mydb': a container of this plugin, of the given session, mode, execution and owner. */
    private String holder(String session, String mode, String execution, String owner) {
        Map<String, String> labels = new Scope("com.example:shop", "shop", session, execution, mode, owner).labels();
        return Ids.shortId(engine.givenContainer("mydb", "example/img:1", labels, Status.RUNNING));
    }

    private void startMyDb() {
        new Starter(engine, Console.silent(), scope, alias -> line -> {}, executor, new ImageCache())
                .start(plan(container("db").name("mydb")), new RunRecord(scope));
    }

    @Test
    void heldByThisBuildTheFixIsOneNamePerContainer() {
        String id = holder("7h15bu1ld0", Labels.MODE_LIFECYCLE, "second", Owners.self());

        assertThatThrownBy(this::startMyDb)
                .isInstanceOf(BuildFailure.class)
                .hasMessage(PREFIX + id + ", which this build started for com.example:shop (execution second). Give"
                        + " each container its own <name>.");
    }

    @Test
    void heldByACommandLineRunTheFixIsDockStop() {
        String id = holder("0ldbu1ld00", Labels.MODE_CLI, "default-cli", "ci/4242");

        assertThatThrownBy(this::startMyDb)
                .isInstanceOf(BuildFailure.class)
                .hasMessage(PREFIX + id + ", which mvn dock:run started for com.example:shop in build 0ldbu1ld (Maven"
                        + " process ci/4242) and left running. Choose another <name>, or remove that container with"
                        + " mvn dock:stop.");
    }

    @Test
    void heldByAnotherBuildStillRunningTheFixIsToLetItFinish() {
        String id = holder("0therbu1ld", Labels.MODE_LIFECYCLE, "default", Owners.self());

        assertThatThrownBy(this::startMyDb)
                .isInstanceOf(BuildFailure.class)
                .hasMessage(PREFIX + id + ", which dock:run started for com.example:shop in build 0therbu1 (Maven"
                        + " process " + Owners.self() + "), a build still running. Choose another <name>, or let that"
                        + " build finish first.");
    }

    @Test
    void heldByABuildThatDiedTheFixIsDockRemove() {
        String dead = Owners.self().replaceAll("/\\d+$", "/999999999");
        String id = holder("d34dbu1ld0", Labels.MODE_LIFECYCLE, "default", dead);

        assertThatThrownBy(this::startMyDb)
                .isInstanceOf(BuildFailure.class)
                .hasMessage(PREFIX + id + ", which dock:run started for com.example:shop in build d34dbu1l (Maven"
                        + " process " + dead + "), a build that ended without removing it. Choose another <name>, or"
                        + " remove that container with mvn dock:remove.");
        assertThat(engine.containers()).hasSize(1);
    }

    @Test
    void heldByAContainerKeptForReuseTheFixIsToReuseItOrDockRemove() {
        String id = holder("r3u53bu1ld", Labels.MODE_REUSED, "default", "ci/4242");

        assertThatThrownBy(this::startMyDb)
                .isInstanceOf(BuildFailure.class)
                .hasMessage(PREFIX + id + ", which dock:run started for com.example:shop in build r3u53bu1 (Maven"
                        + " process ci/4242) and keeps for reuse (<reuse>). Build with -Ddock.reuse=true to use it"
                        + " again, or remove it with mvn dock:remove.");
        assertThat(engine.containers()).hasSize(1);
    }
}

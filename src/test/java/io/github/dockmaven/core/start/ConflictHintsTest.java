package io.github.dockmaven.core.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.ContainerInfo.Status;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.Ids;
import io.github.dockmaven.core.InMemoryEngine;
import io.github.dockmaven.core.Labels;
import io.github.dockmaven.core.Owners;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.Scope;
import io.github.dockmaven.core.WaitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who holds a name or a host port a container needs, as the end of the message about the conflict. */
class ConflictHintsTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "7h15bu1ld0", "first", Labels.MODE_LIFECYCLE, Owners.self());
    private final ConflictHints hints = new ConflictHints(engine, Console.silent(), scope);

    @AfterEach
    void shutDown() {
        engine.close();
    }

    @Test
    void aNameWhoseHolderIsGoneByNowGetsTheGeneralFix() {
        assertThat(hints.holderOf("mydb")).isEqualTo(". Choose another <name>, or remove that container.");
    }

    @Test
    void aNameHeldByAContainerThisPluginDidNotCreateSaysSo() {
        String id = engine.givenContainer("mydb", "postgres:16", Map.of(), Status.RUNNING);

        assertThat(hints.holderOf("mydb"))
                .isEqualTo(" by container " + Ids.shortId(id) + ", which was not created by this plugin. Choose"
                        + " another <name>, or remove that container.");
    }

    @Test
    void aNameHeldByAnotherExecutionOfThisBuildNamesTheExecution() {
        Map<String, String> labels = new Scope(
                        "com.example:shop", "shop", "7h15bu1ld0", "second", Labels.MODE_LIFECYCLE, Owners.self())
                .labels();
        String id = engine.givenContainer("mydb", "postgres:16", labels, Status.RUNNING);

        assertThat(hints.holderOf("mydb"))
                .isEqualTo(" by container " + Ids.shortId(id) + ", which this build started for com.example:shop"
                        + " (execution second). Give each container its own <name>.");
    }

    @Test
    void aHostPortPublishedByARunningContainerNamesItAndItsProject() {
        String id = engine.givenContainer(
                "other-db",
                "postgres:16",
                Labels.ofProject("com.example:billing"),
                Status.RUNNING,
                List.of(PortMapping.parse("15432:5432")),
                List.of());

        assertThat(hints.portOwner(publishing("15432:5432")))
                .isEqualTo("; host port 15432 is published by container other-db (" + Ids.shortId(id)
                        + ", of com.example:billing)");
    }

    @Test
    void aHostPortNoRunningContainerPublishesAddsNothing() {
        engine.givenContainer(
                "stopped-db",
                "postgres:16",
                Map.of(),
                Status.EXITED,
                List.of(PortMapping.parse("15432:5432")),
                List.of());

        assertThat(hints.portOwner(publishing("15432:5432"))).isEmpty();
        assertThat(hints.portOwner(publishing("5432"))).isEmpty();
    }

    private static ContainerSpec publishing(String port) {
        return new ContainerSpec(
                "db",
                "postgres:16",
                null,
                PullPolicy.MISSING,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(PortMapping.parse(port)),
                List.of(),
                List.of(),
                List.of(),
                new WaitSpec(null, List.of(), null, false, null, Duration.ofSeconds(10)),
                StopMode.STOP,
                Duration.ofSeconds(3),
                RunOptions.DEFAULTS,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false);
    }
}

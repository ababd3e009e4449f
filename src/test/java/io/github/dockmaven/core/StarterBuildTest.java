package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static io.github.dockmaven.core.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.start.ImageCache;
import io.github.dockmaven.core.start.Starter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StarterBuildTest {

    private static final ImageBuild BUILD =
            new ImageBuild(Path.of("/project"), "Dockerfile", Map.of("VERSION", "1"), null, false, false);

    private final InMemoryEngine engine =
            new InMemoryEngine().image("example/img:1", InMemoryEngine.ImageState.PRESENT);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Scope scope =
            new Scope("com.example:shop", "shop", "s3ss10n0-1234-5678", "default", Labels.MODE_LIFECYCLE, "ci/4242");
    private final RunRecord record = new RunRecord(scope);
    private final Map<String, List<String>> output = new ConcurrentHashMap<>();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
        engine.close();
    }

    private void start(Plan plan) {
        start(plan, alias -> line -> lines(alias).add(line.text()));
    }

    private void start(Plan plan, Function<String, Consumer<LogLine>> outputs) {
        new Starter(engine, Console.silent(), scope, outputs, executor, new ImageCache()).start(plan, record);
    }

    private List<String> lines(String alias) {
        return output.computeIfAbsent(alias, a -> Collections.synchronizedList(new ArrayList<>()));
    }

    @Test
    void buildsTheImageBeforeCreatingTheContainerAndPullsNothing() {
        start(plan(container("app").image("dock/shop-app:latest").builtFrom(BUILD)));

        assertThat(engine.first("buildImage", "dock/shop-app:latest").seq())
                .isLessThan(engine.first("createContainer", "app").seq());
        assertThat(engine.calls("pull")).isEmpty();
        assertThat(engine.created()).singleElement().matches(c -> c.image().equals("dock/shop-app:latest"));
    }

    @Test
    void labelsTheBuiltImageWithTheProjectAndAliasOnly() {
        start(plan(container("app").image("dock/shop-app:latest").builtFrom(BUILD)));

        assertThat(engine.labelsOfImage("dock/shop-app:latest"))
                .isEqualTo(Map.of(Labels.MANAGED, "true", Labels.PROJECT, "com.example:shop", Labels.ALIAS, "app"));
    }

    @Test
    void writesTheBuildOutputUnderTheAliasFollowedByBuild() {
        start(plan(container("app").image("dock/shop-app:latest").builtFrom(BUILD)));

        assertThat(output.get("app-build")).containsExactly("Step 1/1 : FROM /project/Dockerfile");
    }

    @Test
    void buildsTheImagesOfSeveralContainersAtOnce() {
        CountDownLatch bothBuilding = new CountDownLatch(2);
        List<Boolean> sawTheOther = Collections.synchronizedList(new ArrayList<>());

        // each build's first line waits for the other build's: were they built one after the other, neither would see
        // it
        start(
                plan(
                        container("a").image("dock/shop-a:latest").builtFrom(BUILD),
                        container("b").image("dock/shop-b:latest").builtFrom(BUILD)),
                alias -> line -> {
                    if (alias.endsWith("-build")) {
                        bothBuilding.countDown();
                        try {
                            sawTheOther.add(bothBuilding.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });

        assertThat(sawTheOther).containsExactly(true, true);
    }

    @Test
    void aFailedBuildNamesTheAliasTheStepAndTheLastLinesAndLeavesNothing() {
        engine.failsToBuild(
                "dock/shop-app:latest",
                "RUN exit 3",
                "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
                List.of("Step 2/2 : RUN exit 3", " ---> Running in 0a1b2c3d4e5f"));

        assertThatThrownBy(() -> start(plan(
                        container("db"),
                        container("app").image("dock/shop-app:latest").builtFrom(BUILD))))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Could not build the image of container 'app' (dock/shop-app:latest): the step RUN exit 3"
                        + " failed: The command '/bin/sh -c exit 3' returned a non-zero code: 3. Last lines of the"
                        + " build's output:\n"
                        + "  Step 2/2 : RUN exit 3\n"
                        + "   ---> Running in 0a1b2c3d4e5f");
        assertThat(engine.containers()).isEmpty();
        assertThat(output.get("app-build")).containsExactly("Step 2/2 : RUN exit 3", " ---> Running in 0a1b2c3d4e5f");
    }
}

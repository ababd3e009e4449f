package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.ImageBuild;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.VolumeMount;
import io.github.dockmaven.core.WaitSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildOutputUseTest {

    private static final Path PROJECT = Path.of("/work/shop");
    private static final Path TARGET = PROJECT.resolve("target");

    private static Plan plan(ImageBuild build, List<CopyEntry> copyIn, List<VolumeMount> volumes) {
        return Plan.of(List.of(new ContainerSpec(
                "app",
                "shop/app:latest",
                null,
                PullPolicy.MISSING,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                List.of(),
                volumes,
                List.of(),
                List.of(),
                new WaitSpec(null, List.of(), null, false, null, Duration.ofSeconds(10)),
                StopMode.STOP,
                Duration.ofSeconds(3),
                RunOptions.DEFAULTS,
                build,
                List.of(),
                List.of(),
                copyIn,
                List.of(),
                false)));
    }

    private static ImageBuild contextAt(Path context) {
        return new ImageBuild(context, "Dockerfile", Map.of(), null, false, false);
    }

    @Test
    void containersThatUseNothingOfTheBuildDirectoryCanStartEarly() {
        Plan plan = plan(
                contextAt(PROJECT.resolve("src/docker")),
                List.of(new CopyEntry(PROJECT.resolve("src/test/seed.sql").toString(), "/seed.sql")),
                List.of(new VolumeMount(false, PROJECT.resolve("src/test/data").toString(), "/data", true)));

        assertThat(BuildOutputUse.of(plan, TARGET)).isEmpty();
    }

    @Test
    void anImageBuiltFromTheProjectFolderWaitsForTheBuildBecauseItsContextHoldsTarget() {
        assertThat(BuildOutputUse.of(plan(contextAt(PROJECT), List.of(), List.of()), TARGET))
                .hasValue("the image of 'app' is built from /work/shop, which holds or lies in the build directory"
                        + " /work/shop/target");
    }

    @Test
    void aFileCopiedInFromTargetWaitsForTheBuild() {
        Plan plan = plan(null, List.of(new CopyEntry("/work/shop/target/app.jar", "/app/")), List.of());

        assertThat(BuildOutputUse.of(plan, TARGET))
                .hasValue("'app' copies in /work/shop/target/app.jar from the build directory");
    }

    @Test
    void aFolderMountedFromTargetWaitsForTheBuildButANamedVolumeDoesNot() {
        assertThat(BuildOutputUse.of(
                        plan(
                                null,
                                List.of(),
                                List.of(new VolumeMount(false, "/work/shop/target/data", "/data", false))),
                        TARGET))
                .hasValue("'app' mounts /work/shop/target/data from the build directory");
        assertThat(BuildOutputUse.of(
                        plan(null, List.of(), List.of(new VolumeMount(true, "target", "/data", false))), TARGET))
                .isEmpty();
    }
}

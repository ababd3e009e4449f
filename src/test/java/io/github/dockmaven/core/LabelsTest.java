package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.ContainerSpec.StopMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final String OWN = "0wn5e55";
    private static String deadOwner;

    @BeforeAll
    static void findADeadProcess() throws Exception {
        String self = Owners.self();
        deadOwner = self.substring(0, self.lastIndexOf('/')) + "/" + Processes.deadPid();
    }

    private static Labels of(String session, String mode, String owner) {
        return new Labels(new Scope("com.example:shop", "shop", session, "start-db", mode, owner).labels());
    }

    @Test
    void whatAnExecutionWritesIsReadBack() {
        Labels labels = of("s3ss10n", Labels.MODE_LIFECYCLE, "ci/4242");

        assertThat(labels.project()).isEqualTo("com.example:shop");
        assertThat(labels.session()).isEqualTo("s3ss10n");
        assertThat(labels.execution()).isEqualTo("start-db");
        assertThat(labels.owner()).isEqualTo("ci/4242");
        assertThat(labels.isOfSession("s3ss10n")).isTrue();
        assertThat(labels.isOfLifecycle()).isTrue();
        assertThat(labels.isOfCommandLineRun()).isFalse();
    }

    @Test
    void howAContainerStopsIsWrittenSoThatALaterStopReadsIt() {
        ContainerSpec spec = Specs.container("app")
                .dependsOn("db", "cache")
                .stopMode(StopMode.KILL)
                .stopTimeout(Duration.ofMillis(500))
                .build();

        Labels labels = new Labels(Labels.of(spec));

        assertThat(labels.alias("shop-app-1")).isEqualTo("app");
        assertThat(labels.stopMode()).isEqualTo(StopMode.KILL);
        assertThat(labels.stopTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(labels.dependsOn()).containsExactly("db", "cache");
    }

    @Test
    void labelsWrittenByHandAreReadWithDefaults() {
        Map<String, String> byHand = new LinkedHashMap<>();
        byHand.put(Labels.STOP_TIMEOUT, "soon");
        byHand.put(Labels.DEPENDS_ON, " ");

        Labels labels = new Labels(byHand);

        assertThat(labels.alias("handmade")).isEqualTo("handmade");
        assertThat(labels.stopMode()).isEqualTo(StopMode.STOP);
        assertThat(labels.stopTimeout()).hasSeconds(3);
        assertThat(labels.dependsOn()).isEmpty();
        assertThat(labels.project()).as("not ours").isNull();
    }

    @Test
    void aLifecycleResourceOfAnotherBuildThatRunsIsThatBuildsAndNoLeftover() {
        Labels labels = of("l1ve", Labels.MODE_LIFECYCLE, Owners.self());

        assertThat(labels.isOfAnotherLiveBuild(OWN)).isTrue();
        assertThat(labels.isLeftByADeadBuild(OWN)).isFalse();
    }

    @Test
    void aLifecycleResourceOfABuildThatNoLongerRunsIsALeftover() {
        Labels labels = of("d3ad", Labels.MODE_LIFECYCLE, deadOwner);

        assertThat(labels.isLeftByADeadBuild(OWN)).isTrue();
        assertThat(labels.isOfAnotherLiveBuild(OWN)).isFalse();
    }

    @Test
    void whatThisBuildCreatedIsNeitherAnotherBuildsNorALeftover() {
        Labels live = of(OWN, Labels.MODE_LIFECYCLE, Owners.self());
        Labels dead = of(OWN, Labels.MODE_LIFECYCLE, deadOwner);

        assertThat(live.isOfAnotherLiveBuild(OWN)).isFalse();
        assertThat(dead.isLeftByADeadBuild(OWN)).isFalse();
    }

    @Test
    void commandLineRunsAndKeptResourcesAreNeverLeftoversWhateverTheirOwner() {
        for (String mode : new String[] {Labels.MODE_CLI, Labels.MODE_KEPT}) {
            Labels labels = of("0ld", mode, deadOwner);

            assertThat(labels.isLeftByADeadBuild(OWN)).as(mode).isFalse();
            assertThat(labels.isOfAnotherLiveBuild(OWN)).as(mode).isFalse();
        }
        assertThat(of("0ld", Labels.MODE_KEPT, deadOwner).isKeptByAnotherBuild(OWN))
                .isTrue();
        assertThat(of(OWN, Labels.MODE_KEPT, deadOwner).isKeptByAnotherBuild(OWN))
                .isFalse();
    }
}

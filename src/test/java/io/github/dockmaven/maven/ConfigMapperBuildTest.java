package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ImageBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ConfigMapper} checks and maps a {@code <container>}'s {@code <build>}. */
class ConfigMapperBuildTest {

    @TempDir
    Path project;

    @BeforeEach
    void aDockerfileInTheProject() throws IOException {
        Files.writeString(project.resolve("Dockerfile"), "FROM dock-it/busybox:1\n");
        Files.createDirectories(project.resolve("src/docker"));
        Files.writeString(project.resolve("src/docker/App.dockerfile"), "FROM dock-it/busybox:1\n");
    }

    private static Container built(String alias, String context) {
        Container c = new Container();
        c.alias = alias;
        c.build = new Build();
        c.build.context = context;
        return c;
    }

    private ContainerSpec mapOne(Container container) {
        return ConfigMapper.map(List.of(container), project, "Shop_Service").get(0);
    }

    private void assertFails(String message, Container container) {
        assertThatThrownBy(() -> mapOne(container))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    @Test
    void aBuildWithoutImageIsTaggedPerProjectAndAlias() {
        ContainerSpec spec = mapOne(built("app", "."));

        assertThat(spec.image()).isEqualTo("dock/shop_service-app:latest");
        assertThat(spec.build()).isEqualTo(new ImageBuild(project, "Dockerfile", Map.of(), null, false, false));
    }

    @Test
    void aBuildWithImageIsTaggedWithIt() {
        Container app = built("app", ".");
        app.image = "example/shop:it";

        assertThat(mapOne(app).image()).isEqualTo("example/shop:it");
    }

    @Test
    void everyElementOfTheBuildIsMapped() {
        Container app = built("app", "src/docker");
        app.build.dockerfile = "App.dockerfile";
        app.build.args = Map.of("VERSION", "1.2");
        app.build.target = "runtime";
        app.build.pull = true;
        app.build.noCache = true;

        assertThat(mapOne(app).build())
                .isEqualTo(new ImageBuild(
                        project.resolve("src/docker"),
                        "App.dockerfile",
                        Map.of("VERSION", "1.2"),
                        "runtime",
                        true,
                        true));
    }

    @Test
    void aBuildWithoutContextSaysWhatToAdd() {
        assertFails(
                "Container 'app': <build> has no <context>. Add the folder to build from, relative to the project, e.g."
                        + " <context>.</context>.",
                built("app", null));
    }

    @Test
    void aMissingContextIsNamedWithWhereItWasLookedFor() {
        assertFails(
                "Container 'app': <build><context>src/missing</context> is not a folder ("
                        + project.resolve("src/missing") + "). Create it, or fix the path (relative to the project).",
                built("app", "src/missing"));
    }

    @Test
    void aMissingDockerfileIsNamedWithTheContext() {
        Container app = built("app", "src/docker");

        assertFails(
                "Container 'app': <build><dockerfile>Dockerfile</dockerfile> is not a file in the context "
                        + project.resolve("src/docker") + ". Create it, or fix the path (relative to <context>).",
                app);
    }

    @Test
    void aDockerfileOutsideTheContextIsRefused() {
        Container app = built("app", "src/docker");
        app.build.dockerfile = "../../Dockerfile";

        assertFails(
                "Container 'app': <build><dockerfile>../../Dockerfile</dockerfile> is not a file in the context "
                        + project.resolve("src/docker") + ". Create it, or fix the path (relative to <context>).",
                app);
    }
}

package io.github.dockmaven.maven;

import static io.github.dockmaven.maven.ConfigMapperExecAndCopyTest.copy;
import static io.github.dockmaven.maven.ConfigMapperExecAndCopyTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.CopyEntry;
import io.github.dockmaven.core.Exec;
import io.github.dockmaven.core.Plan;
import io.github.dockmaven.core.WaitSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How compose services and {@code <containers>} become one list: overlays, collisions, {@code <dependsOn>} across
 * both. The services stand for what the compose mapper gives: specs with the service's name as alias.
 */
class ContainerSourcesTest {

    private static final Path COMPOSE_FILE = Path.of("src/it/compose.yaml");

    @TempDir
    Path project;

    private final List<ContainerSpec> running = new ArrayList<>();
    private final Map<String, Path> declared = new LinkedHashMap<>();

    /** A service that runs, as the mapper gives it: published ports, a wait until healthy, depends_on. */
    private void service(String name, String port, String... dependsOn) {
        Container c = container(name, "dock-it/redis:7");
        c.ports = List.of(port);
        c.wait = new Container.Wait();
        c.wait.healthy = true;
        c.stopTimeout = "10s";
        c.dependsOn = List.of(dependsOn);
        running.add(ConfigMapper.map(List.of(c), project, "shop", new ComposeStack(running, declared))
                .get(0));
        declared.put(name, COMPOSE_FILE);
    }

    /** A service the files declare that does not run (its profile is off). */
    private void serviceThatDoesNotRun(String name) {
        declared.put(name, COMPOSE_FILE);
    }

    private static Container container(String alias, String image) {
        Container c = new Container();
        c.alias = alias;
        c.image = image;
        return c;
    }

    private static Container overlay(String alias) {
        return container(alias, null);
    }

    private List<ContainerSpec> merge(Container... containers) {
        return ContainerSources.merge(new ComposeStack(running, declared), List.of(containers), project, "shop");
    }

    private ContainerSpec merged(String alias, Container... containers) {
        return merge(containers).stream()
                .filter(s -> s.alias().equals(alias))
                .findFirst()
                .orElseThrow();
    }

    private void assertFails(String message, Container... containers) {
        assertThatThrownBy(() -> merge(containers))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    // ---- mixing

    @Test
    void withoutComposeTheContainersMapAsBefore() {
        Container db = container("db", "postgres:16");

        assertThat(ContainerSources.merge(ComposeStack.NONE, List.of(db), project, "shop"))
                .isEqualTo(ConfigMapper.map(List.of(db), project, "shop"));
        assertThat(ContainerSources.merge(ComposeStack.NONE, null, project, "shop"))
                .isEmpty();
    }

    @Test
    void servicesComeFirstUnchangedThenTheContainersWhichMayDependOnAService() {
        service("redis", "6379");
        service("web", "8080", "redis");
        Container tests = container("tests", "dock-it/busybox:1");
        tests.dependsOn = List.of("web");

        List<ContainerSpec> specs = merge(tests);

        assertThat(specs).extracting(ContainerSpec::alias).containsExactly("redis", "web", "tests");
        assertThat(specs.subList(0, 2)).isEqualTo(running);
        assertThat(specs.get(2).dependsOn()).containsExactly("web");
        assertThat(Plan.of(specs).levels())
                .extracting(level -> level.stream().map(ContainerSpec::alias).toList())
                .containsExactly(List.of("redis"), List.of("web"), List.of("tests"));
    }

    @Test
    void aDependencyOnAnAliasThatIsNeitherContainerNorRunningServiceListsBoth() {
        service("redis", "6379");
        serviceThatDoesNotRun("adminer");
        Container tests = container("tests", "dock-it/busybox:1");
        tests.dependsOn = List.of("adminer");

        assertFails(
                "Container 'tests': <dependsOn> names 'adminer', but no <container> or compose service that runs has"
                        + " that alias. Known aliases: redis, tests.",
                tests);
    }

    @Test
    void aContainerWithAnImageNamedLikeAServiceIsAnErrorNamingBoth() {
        service("redis", "6379");

        assertFails(
                "Container 'redis' (<image>redis:7</image>) has the name of the compose service 'redis' of"
                        + " src/it/compose.yaml. Rename the <container>, or remove its <image> and <build> so that it"
                        + " adds to the service; it may then set <wait>, <stopMode>, <stopTimeout>, <postStart>,"
                        + " <preStop>, <copyIn>, <copyOut>, <reuse> and <dependsOn>.",
                container("redis", "redis:7"));
    }

    @Test
    void aContainerBuiltFromADockerfileNamedLikeAServiceThatDoesNotRunIsAnErrorToo() {
        serviceThatDoesNotRun("adminer");
        Container adminer = overlay("adminer");
        adminer.build = new Build();

        assertFails(
                "Container 'adminer' (<build>) has the name of the compose service 'adminer' of src/it/compose.yaml."
                        + " Rename the <container>, or remove its <image> and <build> so that it adds to the service;"
                        + " it may then set <wait>, <stopMode>, <stopTimeout>, <postStart>, <preStop>, <copyIn>,"
                        + " <copyOut>, <reuse> and <dependsOn>.",
                adminer);
    }

    // ---- overlays

    @Test
    void anOverlaysWaitReplacesTheServicesWaitAndItsStopSettingsApply() {
        service("web", "8080");
        Container web = overlay("web");
        web.wait = new Container.Wait();
        web.wait.http = new Container.Http();
        web.wait.http.port = 8080;
        web.wait.timeout = "20s";
        web.stopMode = "kill";

        ContainerSpec spec = merged("web", web);

        WaitSpec wait = spec.readiness();
        assertThat(wait.healthy()).isFalse();
        assertThat(wait.http()).isEqualTo(new WaitSpec.Http(8080, "/", "GET", 200, 399));
        assertThat(wait.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(spec.stopMode()).isEqualTo(StopMode.KILL);
        assertThat(spec.stopTimeout())
                .as("the service's, as the overlay sets none")
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.image()).isEqualTo("dock-it/redis:7");
        assertThat(spec.ports()).isEqualTo(running.get(0).ports());
    }

    @Test
    void anOverlayWithoutWaitKeepsTheServicesWaitAndGetsItsCommandsAndCopies() throws IOException {
        service("web", "8080");
        Files.writeString(project.resolve("seed.sql"), "insert");
        Container web = overlay("web");
        web.stopTimeout = "1s";
        web.postStart = List.of(line("sh -c 'echo seeded'"));
        web.preStop = List.of(line("sync"));
        web.copyIn = List.of(copy("seed.sql", "/docker-entrypoint-initdb.d/"));
        web.copyOut = List.of(copy("/var/log/app.log", "target/web/"));

        ContainerSpec spec = merged("web", web);

        assertThat(spec.readiness()).isEqualTo(running.get(0).readiness());
        assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(spec.postStart()).containsExactly(new Exec(List.of("sh", "-c", "echo seeded")));
        assertThat(spec.preStop()).containsExactly(new Exec(List.of("sync")));
        assertThat(spec.copyIn())
                .containsExactly(new CopyEntry(project.resolve("seed.sql").toString(), "/docker-entrypoint-initdb.d/"));
        assertThat(spec.copyOut())
                .containsExactly(new CopyEntry("/var/log/app.log", project.resolve("target/web") + "/"));
    }

    @Test
    void anOverlaysDependsOnAddsToTheServicesDependsOnAndMayNameAContainer() {
        service("redis", "6379");
        service("web", "8080", "redis");
        Container web = overlay("web");
        web.dependsOn = List.of("redis", "stub");
        Container stub = container("stub", "dock-it/busybox:1");

        List<ContainerSpec> specs = merge(web, stub);

        assertThat(specs.get(1).dependsOn()).containsExactly("redis", "stub");
        assertThat(Plan.of(specs).levels())
                .extracting(level -> level.stream().map(ContainerSpec::alias).toList())
                .containsExactly(List.of("redis", "stub"), List.of("web"));
    }

    @Test
    void anOverlayAndAContainerThatDependOnEachOtherFormACycleThePlanNames() {
        service("web", "8080");
        Container web = overlay("web");
        web.dependsOn = List.of("tests");
        Container tests = container("tests", "dock-it/busybox:1");
        tests.dependsOn = List.of("web");

        List<ContainerSpec> specs = merge(web, tests);

        assertThatThrownBy(() -> Plan.of(specs))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("The <dependsOn> elements form a cycle: ");
    }

    @Test
    void anOverlaySettingAnElementOfTheContainerItselfIsSentToTheComposeFile() {
        service("web", "8080");
        Container web = overlay("web");
        web.stopMode = "kill";
        web.env = Map.of("DEBUG", "1");

        assertFails(
                "Container 'web' adds to the compose service 'web' (it has no <image> or <build>), so it cannot set"
                        + " <env>: set it in the compose file (src/it/compose.yaml). Such a <container> may set"
                        + " <wait>, <stopMode>, <stopTimeout>, <postStart>, <preStop>, <copyIn>, <copyOut>, <reuse>"
                        + " and <dependsOn>.",
                web);
    }

    @Test
    void anOverlayMakesItsServiceReusedAndWithoutOneTheServiceIsNot() {
        service("web", "8080");
        service("db", "5432");
        Container web = overlay("web");
        web.reuse = true;

        assertThat(merge(web))
                .extracting(ContainerSpec::alias, ContainerSpec::reuse)
                .containsExactly(tuple("web", true), tuple("db", false));
    }

    @Test
    void aBooleanSetToFalseInAnOverlayIsSetToo() {
        service("web", "8080");
        Container web = overlay("web");
        web.privileged = false;

        assertThatThrownBy(() -> merge(web)).hasMessageContaining("so it cannot set <privileged>:");
    }

    @Test
    void anOverlaysMistakesAreWordedAsForAnyContainer() {
        service("web", "8080");
        Container web = overlay("web");
        web.stopTimeout = "3 seconds";
        Container other = container("web", "dock-it/busybox:1");
        other.stopTimeout = "3 seconds";

        String message = "Container 'web': <stopTimeout>3 seconds</stopTimeout> is not a duration: expected a"
                + " duration such as 500ms, 3s, 1m or 1m30s.";
        assertFails(message, web);
        assertThatThrownBy(() -> ConfigMapper.map(List.of(other), project, "shop"))
                .hasMessage(message);
    }

    @Test
    void anOverlayWaitingOnAPortTheServiceDoesNotPublishSaysWhichPortAndWhereToPublishIt() {
        service("web", "8080");
        Container web = overlay("web");
        web.wait = new Container.Wait();
        web.wait.tcp = "9090";

        assertFails(
                "Container 'web': <wait><tcp> checks port 9090, which the compose service 'web' does not publish. Add"
                        + " it to the service's ports in src/it/compose.yaml (e.g. - \"9090\") so it can be reached"
                        + " from the build.",
                web);
    }

    @Test
    void anOverlayDependingOnItselfOrOnAnUnknownAliasIsRejected() {
        service("web", "8080");
        Container web = overlay("web");
        web.dependsOn = List.of("web");
        assertFails("Container 'web' depends on itself in <dependsOn>. Remove 'web' from it.", web);

        web.dependsOn = List.of("db");
        assertFails(
                "Container 'web': <dependsOn> names 'db', but no <container> or compose service that runs has that"
                        + " alias. Known aliases: web.",
                web);
    }

    @Test
    void twoOverlaysOfOneServiceAreADuplicateAlias() {
        service("web", "8080");

        assertFails(
                "Two <container> elements have <alias>web</alias>. Aliases must be unique in the POM: rename one of"
                        + " them.",
                overlay("web"),
                overlay("web"));
    }

    @Test
    void anOverlayOfAServiceThatDoesNotRunIsLeftOutWithIt() {
        service("web", "8080");
        serviceThatDoesNotRun("adminer");
        Container adminer = overlay("adminer");
        adminer.stopMode = "kill";

        assertThat(merge(adminer)).extracting(ContainerSpec::alias).containsExactly("web");
    }

    @Test
    void aContainerWithoutImageNamedLikeNoServiceGetsTheUsualErrorAndTheServicesNames() {
        service("redis", "6379");
        service("web", "8080");

        assertFails(
                "Container 'cache' has no <image>. Add one, e.g. <image>postgres:16</image>. No compose service is"
                        + " named 'cache' either, so it does not add to one (services: redis, web).",
                overlay("cache"));
    }

    @Test
    void aContainerWithoutAliasIsCountedAfterAnOverlay() {
        service("web", "8080");

        assertFails(
                "The 2nd <container> (image dock-it/busybox:1) has no <alias>. Give it one, e.g. <alias>db</alias>:"
                        + " the alias names the container in logs, properties and <dependsOn>.",
                overlay("web"),
                container(null, "dock-it/busybox:1"));
    }
}

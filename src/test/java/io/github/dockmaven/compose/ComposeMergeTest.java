package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dockmaven.core.Console;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge rules of the compose specification, each on the service of src/test/resources/compose/load/merge, whose
 * {@code compose.override.yaml} changes every key of {@code compose.yaml} that has a rule of its own.
 */
class ComposeMergeTest {

    private static ComposeModel model;
    private static Map<String, Object> app;

    @BeforeAll
    static void loadBaseAndOverride() throws URISyntaxException {
        Path dir = Path.of(
                ComposeMergeTest.class.getResource("/compose/load/merge").toURI());
        model = ComposeFiles.load(
                List.of(dir.resolve("compose.yaml"), dir.resolve("compose.override.yaml")),
                dir,
                Map.of(),
                Console.silent());
        app = model.services().get("app").definition();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void servicesAreMergedKeyByKeyAndNewServicesComeAfter() {
        assertThat(model.services()).containsOnlyKeys("app", "db", "migrate");
        assertThat(List.copyOf(model.services().keySet())).containsExactly("app", "db", "migrate");
        assertThat(model.services().get("db").definition()).containsExactly(entry("image", "postgres:16"));
        assertThat(model.services().get("migrate").file()).isEqualTo(Path.of("compose.override.yaml"));
        assertThat(app).containsEntry("image", "example/app:1").containsEntry("user", "1001");
    }

    @Test
    void commandEntrypointAndHealthcheckTestAreReplacedNotAppended() {
        assertThat(app)
                .containsEntry("command", List.of("serve", "--port", "8080"))
                .containsEntry("entrypoint", List.of("/bin/sh", "-c"))
                .containsEntry(
                        "healthcheck",
                        map(
                                "test",
                                List.of("CMD-SHELL", "curl -f http://localhost:8080/health"),
                                "interval",
                                "10s",
                                "retries",
                                3));
    }

    @Test
    void environmentLabelsAndBuildArgsMergeByNameWhateverTheirSyntax() {
        assertThat(app.get("environment"))
                .isEqualTo(map("MODE", "test", "CACHE_SIZE", "64", "DEBUG", null, "TRACE", "true"));
        assertThat(app.get("labels")).isEqualTo(map("com.example.tier", "back", "com.example.owner", "qa"));
        assertThat(app.get("build"))
                .isEqualTo(map("context", "./app", "dockerfile", "Dockerfile.test", "args", List.of("PROFILE=test")));
    }

    @Test
    void extraHostsMergeByHostName() {
        assertThat(app.get("extra_hosts")).isEqualTo(map("registry.local", "10.0.0.9", "mirror.local", "10.0.0.6"));
    }

    @Test
    void portsAndOtherUniqueListsAppendWithoutRepeatingAnEntry() {
        assertThat(app)
                .containsEntry("ports", List.of("8080:80", map("target", 443, "published", 8443), "9090:90"))
                .containsEntry("expose", List.of("9000", 9001))
                .containsEntry("tmpfs", List.of("/run", "/tmp"))
                .containsEntry("cap_add", List.of("NET_ADMIN", "SYS_TIME"))
                .containsEntry("cap_drop", List.of("ALL"))
                .containsEntry("profiles", List.of("web", "test"))
                .containsEntry("env_file", List.of("app.env", map("path", "test.env", "required", false)));
    }

    @Test
    void volumesMergeByTargetTheLaterMountReplacingTheEarlierWhereItStood() {
        assertThat(app.get("volumes"))
                .isEqualTo(List.of(
                        map("type", "bind", "source", "./test-static", "target", "/srv/static"),
                        "cache:/var/cache/app",
                        "./fixtures:/fixtures"));
    }

    @Test
    void dependsOnAndNetworksMergeByNameWhateverTheirSyntax() {
        assertThat(app.get("depends_on"))
                .isEqualTo(map(
                        "db",
                        map("condition", "service_healthy"),
                        "migrate",
                        map("condition", "service_completed_successfully")));
        Map<String, Object> networks = new HashMap<>();
        networks.put("front", map("aliases", List.of("app.front")));
        networks.put("back", null);
        networks.put("test", null);
        assertThat(app.get("networks")).isEqualTo(networks);
    }

    @Test
    void aMappingReplacesAScalarAndAScalarAMapping() {
        assertThat(app.get("ulimits")).isEqualTo(map("nofile", 4096));
    }

    @Test
    void topLevelVolumesAndNetworksMergeByName() {
        assertThat(model.volumes())
                .containsExactly(
                        entry("cache", map("labels", map("com.example.purpose", "cache", "com.example.keep", "false"))),
                        entry("fixtures", Map.of()));
        assertThat(model.networks())
                .containsExactly(
                        entry("front", Map.of()), entry("back", map("internal", false)), entry("test", Map.of()));
    }

    @Test
    void aLaterNullLeavesTheValueAndAListOfNamesKeepsTheirOptions(@TempDir Path dir) {
        Map<String, Object> web = new ComposeProject(dir)
                .file(
                        "compose.yaml",
                        """
                        services:
                          web:
                            image: nginx:1.27
                            networks:
                              back:
                                aliases: [web.back]
                            depends_on: [db]
                            extra_hosts: ["both:10.0.0.1", "both:::1"]
                          db:
                            image: postgres:16
                        """)
                .file(
                        "compose.override.yaml",
                        """
                        services:
                          web:
                            image:
                            networks: [back]
                            depends_on:
                              db:
                                restart: true
                            extra_hosts:
                              other: 10.0.0.2
                        """)
                .definition("web", "compose.yaml", "compose.override.yaml");

        assertThat(web)
                .containsEntry("image", "nginx:1.27")
                .containsEntry("networks", map("back", map("aliases", List.of("web.back"))))
                .containsEntry("depends_on", map("db", map("condition", "service_started", "restart", true)))
                .containsEntry("extra_hosts", map("both", List.of("10.0.0.1", "::1"), "other", "10.0.0.2"));
    }

    @Test
    void aBuildContextGivenAsAStringMergesWithALaterMapping(@TempDir Path dir) {
        Map<String, Object> app = new ComposeProject(dir)
                .file("compose.yaml", "services:\n  app:\n    build:\n      context: .\n      target: prod\n")
                .file("compose.test.yaml", "services:\n  app:\n    build: ./test\n")
                .definition("app", "compose.yaml", "compose.test.yaml");

        assertThat(app.get("build")).isEqualTo(map("context", "./test", "target", "prod"));
    }

    @Test
    void severalDocumentsInOneFileMergeInOrder(@TempDir Path dir) {
        Map<String, Object> app = new ComposeProject(dir)
                .file(
                        "compose.yaml",
                        "services:\n  app:\n    image: a:1\n    ports: ['80']\n---\nservices:\n  app:\n    ports: ['81']\n")
                .definition("app", "compose.yaml");

        assertThat(app).isEqualTo(map("image", "a:1", "ports", List.of("80", "81")));
    }

    @Test
    void aServiceNameWithDotsStillFollowsTheRulesOfItsKeys(@TempDir Path dir) {
        Map<String, Object> api = new ComposeProject(dir)
                .file("compose.yaml", "services:\n  api.v1:\n    command: [a, b]\n")
                .file("compose.override.yaml", "services:\n  api.v1:\n    command: [c]\n")
                .definition("api.v1", "compose.yaml", "compose.override.yaml");

        assertThat(api).isEqualTo(map("command", List.of("c")));
    }

    @Test
    void resetRemovesWhatAnEarlierFileSetAndOverrideReplacesItWhole(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file(
                        "compose.yaml",
                        """
                        services:
                          web:
                            image: nginx:1.27
                            ports: ["8080:80"]
                            environment:
                              MODE: production
                              CACHE: "on"
                            labels: [tier=front]
                            command: [nginx, -g, daemon off;]
                            healthcheck:
                              test: [CMD, curl, -f, http://localhost/]
                              interval: 5s
                        """)
                .file(
                        "compose.ci.yaml",
                        """
                        x-env: &env !override {MODE: ci}
                        services:
                          web:
                            ports: !reset []
                            environment: *env
                            labels: !override [tier=ci]
                            command: !reset null
                            healthcheck:
                              interval: !reset
                              retries: !override 3
                            user: !override "1000"
                            tmpfs: !reset /tmp
                        """);

        Map<String, Object> web = project.definition("web", "compose.yaml", "compose.ci.yaml");

        assertThat(web)
                .isEqualTo(map(
                        "image",
                        "nginx:1.27",
                        "environment",
                        map("MODE", "ci"),
                        "labels",
                        List.of("tier=ci"),
                        "healthcheck",
                        map("test", List.of("CMD", "curl", "-f", "http://localhost/"), "retries", 3),
                        "user",
                        "1000"));
    }

    @Test
    void tagsInTheFirstFileLeaveTheirPlainValue(@TempDir Path dir) {
        Map<String, Object> web = new ComposeProject(dir)
                .env("TAG", "1.27")
                .file(
                        "compose.yaml",
                        """
                        services:
                          web:
                            image: !override nginx:${TAG}
                            ports: !reset ["80"]
                            expose: [!reset "90", "91"]
                        """)
                .definition("web", "compose.yaml");

        assertThat(web).isEqualTo(map("image", "nginx:1.27", "expose", List.of("91")));
    }

    @Test
    void listsComposeKeepsUniqueAreMadeUniqueInASingleFileToo(@TempDir Path dir) {
        Map<String, Object> web = new ComposeProject(dir)
                .file(
                        "compose.yaml",
                        """
                        services:
                          web:
                            image: nginx:1.27
                            ports: ["8080:80", "8443:443", "8080:80"]
                            volumes:
                              - ./html:/usr/share/nginx/html:ro
                              - logs:/var/log/nginx
                              - ./test-html:/usr/share/nginx/html
                            cap_add: [NET_ADMIN, NET_ADMIN]
                            command: [echo, a, a]
                        """)
                .definition("web", "compose.yaml");

        assertThat(web)
                .isEqualTo(map(
                        "image",
                        "nginx:1.27",
                        "ports",
                        List.of("8080:80", "8443:443"),
                        "volumes",
                        List.of("./test-html:/usr/share/nginx/html", "logs:/var/log/nginx"),
                        "cap_add",
                        List.of("NET_ADMIN"),
                        "command",
                        List.of("echo", "a", "a")));
    }
}

package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.RecordingConsole;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole stack as a team writes it (src/test/resources/compose/load/shop: web, database and cache with anchors,
 * {@code x-} blocks, a {@code .env} file and a CI override), and what the loader makes of missing or empty input.
 */
class ComposeFilesTest {

    private static final Path LOAD = resources();

    private final RecordingConsole console = new RecordingConsole();

    private static Path resources() {
        try {
            return Path.of(ComposeFilesTest.class.getResource("/compose/load").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ComposeModel shop(Map<String, String> environment, String... files) {
        return ComposeFiles.load(
                List.of(files).stream()
                        .map(file -> LOAD.resolve("shop").resolve(file))
                        .toList(),
                LOAD,
                environment,
                console);
    }

    @Test
    void aStackWithAnchorsMergeKeysAndExtensionBlocksLoadsAsComposeReadsIt() {
        ComposeModel model = shop(Map.of(), "compose.yaml");

        assertThat(model.files()).containsExactly(LOAD.resolve("shop/compose.yaml"));
        assertThat(model.directory()).isEqualTo(LOAD.resolve("shop"));
        assertThat(model.services()).containsOnlyKeys("web", "db", "cache");
        ComposeService web = model.services().get("web");
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.file()).isEqualTo(Path.of("shop/compose.yaml"));
        assertThat(web.definition())
                .containsExactly(
                        entry("image", "shop/web:1.4.2"),
                        entry("build", Map.of("context", ".", "args", Map.of("JAR", "target/shop.jar"))),
                        entry("ports", List.of("8080:8080")),
                        entry(
                                "environment",
                                Map.of(
                                        "TZ", "UTC",
                                        "LOG_LEVEL", "debug",
                                        "DB_URL", "jdbc:postgresql://db:5432/shop",
                                        "REDIS_HOST", "cache")),
                        entry(
                                "depends_on",
                                Map.of(
                                        "db", Map.of("condition", "service_healthy"),
                                        "cache", Map.of("condition", "service_started"))),
                        entry(
                                "healthcheck",
                                Map.of(
                                        "interval",
                                        "5s",
                                        "timeout",
                                        "3s",
                                        "retries",
                                        10,
                                        "test",
                                        List.of("CMD", "wget", "-qO-", "http://localhost:8080/health"))),
                        entry("restart", "unless-stopped"),
                        entry("labels", Map.of("com.example.team", "checkout")));
        assertThat(model.services().get("db").definition())
                .containsEntry("environment", Map.of("POSTGRES_DB", "shop", "POSTGRES_PASSWORD", "s3cr$t"))
                .containsEntry(
                        "volumes",
                        List.of(
                                "db-data:/var/lib/postgresql/data",
                                "./db/init.sql:/docker-entrypoint-initdb.d/init.sql:ro"));
        assertThat(model.services().get("cache").definition())
                .containsExactly(
                        entry("image", "redis:7"),
                        entry("command", "redis-server --save \"\" --appendonly no"),
                        entry("tmpfs", "/data"));
        assertThat(model.volumes()).containsExactly(entry("db-data", Map.of()));
        assertThat(model.networks()).containsExactly(entry("default", Map.of("name", "shop-test")));
    }

    @Test
    void theStacksIgnoredKeysAreWarnedAboutOncePerServiceAndFile() {
        shop(Map.of(), "compose.yaml");

        assertThat(console.said())
                .containsExactly(
                        "WARN Compose file shop/compose.yaml: 'name' is ignored: the plugin names the containers,"
                                + " networks and volumes it creates itself.",
                        "WARN Compose file shop/compose.yaml, service 'web': 'restart' is ignored: the plugin starts"
                                + " each service once and stops it after the tests.",
                        "WARN Compose file shop/compose.yaml, service 'db': 'restart' is ignored: the plugin starts"
                                + " each service once and stops it after the tests.");
    }

    @Test
    void theEnvironmentWinsOverTheDotEnvFileAndBothAreTheModelsVariables() {
        ComposeModel model = shop(Map.of("TAG", "2.0.0-rc1", "WEB_PORT", "18080", "HOME", "/home/ci"), "compose.yaml");

        assertThat(model.services().get("web").definition())
                .containsEntry("image", "shop/web:2.0.0-rc1")
                .containsEntry("ports", List.of("18080:8080"));
        assertThat(model.variables())
                .containsOnly(
                        entry("TAG", "2.0.0-rc1"),
                        entry("WEB_PORT", "18080"),
                        entry("HOME", "/home/ci"),
                        entry("DB_PASSWORD", "s3cr$t"),
                        entry("LOG_LEVEL", "debug"));
    }

    @Test
    void anOverrideFileAddsToServicesReplacesTheCommandAndAddsAService() {
        ComposeModel model = shop(Map.of(), "compose.yaml", "compose.ci.yaml");

        assertThat(model.files())
                .containsExactly(LOAD.resolve("shop/compose.yaml"), LOAD.resolve("shop/compose.ci.yaml"));
        assertThat(model.services()).containsOnlyKeys("web", "db", "cache", "adminer");
        Map<String, Object> web = model.services().get("web").definition();
        assertThat(web)
                .containsEntry("ports", List.of("8080:8080", "5005:5005"))
                .containsEntry("command", List.of("java", "-jar", "/app/shop.jar", "--debug"))
                .containsEntry(
                        "environment",
                        Map.of(
                                "TZ", "UTC",
                                "LOG_LEVEL", "trace",
                                "DB_URL", "jdbc:postgresql://db:5432/shop",
                                "REDIS_HOST", "cache",
                                "JAVA_TOOL_OPTIONS",
                                        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"));
        assertThat(model.services().get("db").definition())
                .containsEntry(
                        "volumes",
                        List.of(
                                "db-data:/var/lib/postgresql/data",
                                "./db/test-data.sql:/docker-entrypoint-initdb.d/init.sql:ro"));
        assertThat(model.services().get("web").file()).isEqualTo(Path.of("shop/compose.yaml"));
        assertThat(model.services().get("adminer").file()).isEqualTo(Path.of("shop/compose.ci.yaml"));
        assertThat(model.directory()).isEqualTo(LOAD.resolve("shop"));
    }

    @Test
    void theDotEnvFileIsTheOneBesideTheFirstFile(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file("src/it/.env", "TAG=from-first\n")
                .file("src/it/ci/.env", "TAG=from-second\n")
                .file("src/it/compose.yaml", "services:\n  app:\n    image: app:${TAG}\n")
                .file("src/it/ci/compose.ci.yaml", "services:\n  app:\n    labels:\n      tag: ${TAG}\n");

        ComposeModel model = project.load("src/it/compose.yaml", "src/it/ci/compose.ci.yaml");

        assertThat(model.services().get("app").definition())
                .containsExactly(entry("image", "app:from-first"), entry("labels", Map.of("tag", "from-first")));
        assertThat(model.directory()).isEqualTo(dir.resolve("src/it"));
    }

    @Test
    void dotEnvValuesUseTheEnvironmentAndTheLinesAbove(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .env("CI_REGISTRY", "registry.ci:5000")
                .file(
                        "src/it/.env",
                        """
                        REGISTRY=${CI_REGISTRY:-docker.io}
                        IMAGE="${REGISTRY}/shop/web"
                        LITERAL='${REGISTRY}'
                        PRICE=5$$
                        """)
                .file("src/it/compose.yaml", "services:\n  web:\n    image: $IMAGE\n");

        ComposeModel model = project.load("src/it/compose.yaml");

        assertThat(model.services().get("web").definition()).containsEntry("image", "registry.ci:5000/shop/web");
        assertThat(model.variables())
                .contains(
                        entry("REGISTRY", "registry.ci:5000"),
                        entry("IMAGE", "registry.ci:5000/shop/web"),
                        entry("LITERAL", "${REGISTRY}"),
                        entry("PRICE", "5$"));
    }

    @Test
    void everyStringValueIsInterpolatedButNoKey(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .env("PORT", "8080")
                .env("DEBUG", "true")
                .file(
                        "src/it/compose.yaml",
                        """
                        x-port: &port ${PORT}
                        services:
                          web:
                            image: nginx:1.27
                            environment:
                              ${DEBUG}: ${DEBUG}
                              SCRIPT: "echo $$HOME"
                            ports: [*port, "${PORT}:80", 9000]
                            healthcheck:
                              test: [CMD, curl, -f, "http://localhost:$PORT/"]
                              retries: 3
                            privileged: false
                        """);

        Map<String, Object> web = project.definition("web", "src/it/compose.yaml");

        assertThat(web)
                .containsEntry("environment", Map.of("${DEBUG}", "true", "SCRIPT", "echo $HOME"))
                .containsEntry("ports", List.of("8080", "8080:80", 9000))
                .containsEntry(
                        "healthcheck",
                        Map.of("test", List.of("CMD", "curl", "-f", "http://localhost:8080/"), "retries", 3))
                .containsEntry("privileged", false);
    }

    @Test
    void anUnsetVariableBecomesEmptyWithOneWarningPerVariableAndFile(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file(
                        "src/it/compose.yaml",
                        "services:\n  web:\n    image: nginx:${TAG}\n    labels:\n      tag: ${TAG}\n      x: $OTHER\n");

        Map<String, Object> web = project.definition("web", "src/it/compose.yaml");

        assertThat(web).containsEntry("image", "nginx:").containsEntry("labels", Map.of("tag", "", "x", ""));
        assertThat(project.console.said())
                .containsExactly(
                        "WARN Compose file src/it/compose.yaml: the variable TAG is not set, so an empty string is"
                                + " used, as docker compose does. Set it in the environment or in src/it/.env.",
                        "WARN Compose file src/it/compose.yaml: the variable OTHER is not set, so an empty string is"
                                + " used, as docker compose does. Set it in the environment or in src/it/.env.");
    }

    @Test
    void aRequiredVariableThatIsMissingFailsNamingFileWhereVariableAndMessage(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file(
                        "src/it/compose.yaml",
                        """
                        services:
                          db:
                            image: postgres:16
                            environment:
                              POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in src/it/.env}
                        """);

        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Compose file src/it/compose.yaml, services.db.environment.POSTGRES_PASSWORD: the variable"
                        + " DB_PASSWORD is required but not set (set DB_PASSWORD in src/it/.env). Set it in the"
                        + " environment or in src/it/.env.");

        project.env("DB_PASSWORD", "");
        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose file src/it/compose.yaml, services.db.environment.POSTGRES_PASSWORD: the variable"
                        + " DB_PASSWORD is required but empty (set DB_PASSWORD in src/it/.env). Set it in the"
                        + " environment or in src/it/.env.");
    }

    @Test
    void anInvalidReferenceFailsNamingFileAndWhereInAList(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file("src/it/compose.yaml", "services:\n  web:\n    image: nginx\n    command: [echo, '${A/b/c}']\n");

        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose file src/it/compose.yaml, services.web.command[1]: '${A/b/c}' is not a variable"
                        + " reference compose knows: write ${NAME}, ${NAME:-default}, ${NAME-default},"
                        + " ${NAME:?message}, ${NAME?message}, ${NAME:+replacement} or ${NAME+replacement}, and $$ for"
                        + " a literal $.");
    }

    @Test
    void aDotEnvFileThatIsNotValidFailsNamingItAndTheLine(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file("src/it/.env", "# settings\nDB PASSWORD=x\n")
                .file("src/it/compose.yaml", "services:\n  web:\n    image: nginx\n");

        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose .env file src/it/.env: line 2 'DB PASSWORD=x' is not NAME=value (a name has no"
                        + " spaces).");

        project.file("src/it/.env", "A=1\nURL=${HOST:?the database host}\n");
        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose .env file src/it/.env: line 2: the variable HOST is required but not set (the"
                        + " database host).");
    }

    @Test
    void anUnsetVariableInTheDotEnvFileIsWarnedAbout(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file("src/it/.env", "URL=http://${HOST}/\n")
                .file("src/it/compose.yaml", "services:\n  web:\n    image: nginx\n");

        assertThat(project.load("src/it/compose.yaml").variables()).containsEntry("URL", "http:///");
        assertThat(project.console.said())
                .containsExactly("WARN Compose .env file src/it/.env: the variable HOST is not set, so an empty string"
                        + " is used, as docker compose does. Set it in the environment or above in src/it/.env.");
    }

    @Test
    void aServiceWithoutKeysAndAVolumeWithoutOptionsAreEmptyMappings(@TempDir Path dir) {
        ComposeModel model = new ComposeProject(dir)
                .file("compose.yaml", "services:\n  job:\nvolumes:\n  data:\nnetworks:\n  back:\n    internal: true\n")
                .load("compose.yaml");

        assertThat(model.services().get("job").definition()).isEmpty();
        assertThat(model.services().get("job").file()).isEqualTo(Path.of("compose.yaml"));
        assertThat(model.volumes()).containsExactly(entry("data", Map.of()));
        assertThat(model.networks()).containsExactly(entry("back", Map.of("internal", true)));
    }

    @Test
    void aFileOutsideTheProjectIsNamedByItsFullPath(@TempDir Path dir) {
        new ComposeProject(dir).file("shared/compose.yaml", "services:\n  web:\n");

        ComposeModel model = ComposeFiles.load(
                List.of(dir.resolve("shared/compose.yaml")), dir.resolve("project"), Map.of(), console);

        assertThat(model.services().get("web").file()).isEqualTo(dir.resolve("shared/compose.yaml"));
    }

    @Test
    void filesWithoutServicesAreRefused(@TempDir Path dir) {
        ComposeProject project = new ComposeProject(dir)
                .file("src/it/compose.yaml", "volumes:\n  data:\n")
                .file("src/it/compose.ci.yaml", "services: {}\n");

        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose file src/it/compose.yaml defines no services; a compose file lists them under"
                        + " 'services:'.");
        assertThatThrownBy(() -> project.load("src/it/compose.yaml", "src/it/compose.ci.yaml"))
                .hasMessage("Compose files src/it/compose.yaml, src/it/compose.ci.yaml define no services; a compose"
                        + " file lists them under 'services:'.");
    }
}

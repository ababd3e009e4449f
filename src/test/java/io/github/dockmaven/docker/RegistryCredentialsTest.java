package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.docker.RegistryAuth.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {

    private static final String REGISTRY = "127.0.0.1:5000";
    private static final String IMAGE = REGISTRY + "/dock/busybox:1";

    @TempDir
    Path temp;

    private Path home;
    private Path config;
    private Path bin;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Credentials> servers = new HashMap<>();
    private final List<String> debug = new ArrayList<>();

    @BeforeEach
    void layout() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        config = Files.createDirectories(temp.resolve("docker-config"));
        bin = Files.createDirectories(temp.resolve("bin"));
        env.put("DOCKER_CONFIG", config.toString());
        env.put("PATH", bin + ":/usr/bin:/bin");
    }

    private RegistryCredentials lookup() {
        return new RegistryCredentials(registry -> Optional.ofNullable(servers.get(registry)), env, home, debug::add);
    }

    private void configJson(String json) throws IOException {
        Files.writeString(config.resolve("config.json"), json);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A credential helper as docker's protocol wants it: reads the server address on stdin, answers JSON, or says
     * "credentials not found" and exits 1 for any other server. It logs the addresses it was asked for.
     */
    private void helper(String name, String server, String username, String secret) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(
                script,
                "#!/bin/sh\n"
                        + "read server\n"
                        + "echo \"$server\" >> \"" + temp.resolve(name + ".calls") + "\"\n"
                        + "if [ \"$server\" = '" + server + "' ]; then\n"
                        + "  echo '{\"ServerURL\":\"" + server + "\",\"Username\":\"" + username + "\",\"Secret\":\""
                        + secret + "\"}'\n"
                        + "else\n"
                        + "  echo 'credentials not found in native keychain'\n"
                        + "  exit 1\n"
                        + "fi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> helperCalls(String name) throws IOException {
        Path calls = temp.resolve(name + ".calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void aMavenServerWhoseIdIsTheRegistryHostWinsOverEverythingElse() throws IOException {
        servers.put(
                REGISTRY,
                new Credentials(
                        REGISTRY, "maven-user", "maven-pw", null, "Maven settings <server> '" + REGISTRY + "'"));
        configJson("{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + base64("file-user:file-pw") + "\"}}}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found.username()).isEqualTo("maven-user");
        assertThat(found.password()).isEqualTo("maven-pw");
        assertThat(debug)
                .containsExactly(
                        "Registry credentials for 127.0.0.1:5000: using Maven settings <server>" + " '127.0.0.1:5000'");
    }

    @Test
    void configJsonAuthsAreDecodedFromBase64() throws IOException {
        configJson("{\"auths\":{\"http://" + REGISTRY + "/v2/\":{\"auth\":\"" + base64("file-user:pa:ss") + "\"}}}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found)
                .isEqualTo(new Credentials(
                        REGISTRY,
                        "file-user",
                        "pa:ss",
                        null,
                        config.resolve("config.json") + " (auths), entry 'http://127.0.0.1:5000/v2/'"));
    }

    @Test
    void anIdentityTokenInConfigJsonIsPassedAsSuch() throws IOException {
        configJson("{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + base64("token-user:") + "\","
                + "\"identitytoken\":\"refresh-token-123\"}}}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found.identityToken()).isEqualTo("refresh-token-123");
        assertThat(found.username()).isEqualTo("token-user");
        assertThat(found.password()).isNull();
    }

    @Test
    void theStepsAreLoggedInOrderWithoutSecretsWhenNothingIsFound() throws IOException {
        configJson("{\"auths\":{\"other.example:5000\":{\"auth\":\"" + base64("u:p") + "\"}}}");

        assertThat(lookup().forImage(IMAGE)).isEmpty();

        String file = config.resolve("config.json").toString();
        assertThat(debug)
                .containsExactly(
                        "Registry credentials for 127.0.0.1:5000: Maven settings: no <server> with id 127.0.0.1:5000",
                        "Registry credentials for 127.0.0.1:5000: " + file + " (auths): no entry with credentials",
                        "Registry credentials for 127.0.0.1:5000: " + file + ": no credHelpers entry, no credsStore",
                        "Registry credentials for 127.0.0.1:5000: DOCKER_AUTH_CONFIG: not set",
                        "Registry credentials for 127.0.0.1:5000: none found; pulling anonymously");
    }

    @Test
    void aCredHelperForTheRegistryIsRunWithTheRegistryOnItsStandardInput() throws IOException {
        helper("test", REGISTRY, "helper-user", "helper-secret");
        helper("store", REGISTRY, "store-user", "store-secret");
        // `docker login` with a helper leaves an empty entry in auths
        configJson("{\"auths\":{\"" + REGISTRY + "\":{}},\"credHelpers\":{\"" + REGISTRY + "\":\"test\"},"
                + "\"credsStore\":\"store\"}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found)
                .isEqualTo(new Credentials(
                        REGISTRY,
                        "helper-user",
                        "helper-secret",
                        null,
                        "credential helper docker-credential-test (credHelpers in " + config.resolve("config.json")
                                + ")"));
        assertThat(helperCalls("test")).containsExactly(REGISTRY);
        assertThat(helperCalls("store")).isEmpty();
    }

    @Test
    void theCredsStoreServesRegistriesWithoutACredHelper() throws IOException {
        helper("store", REGISTRY, "store-user", "store-secret");
        configJson("{\"credHelpers\":{\"ghcr.io\":\"test\"},\"credsStore\":\"store\"}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found.username()).isEqualTo("store-user");
        assertThat(found.password()).isEqualTo("store-secret");
    }

    @Test
    void aHelperAnsweringTokenAsUserNameGivesAnIdentityToken() throws IOException {
        helper("test", REGISTRY, "<token>", "helper-token");
        configJson("{\"credsStore\":\"test\"}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found.identityToken()).isEqualTo("helper-token");
        assertThat(found.username()).isNull();
        assertThat(found.password()).isNull();
    }

    @Test
    void aHelperWithoutCredentialsForTheRegistryFallsThroughToDockerAuthConfig() throws IOException {
        helper("test", "ghcr.io", "helper-user", "helper-secret");
        configJson("{\"credsStore\":\"test\"}");
        env.put(
                "DOCKER_AUTH_CONFIG",
                "{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + base64("ci-user:ci-pw") + "\"}}}");

        Credentials found = lookup().forImage(IMAGE).orElseThrow();

        assertThat(found.username()).isEqualTo("ci-user");
        assertThat(found.source()).isEqualTo("DOCKER_AUTH_CONFIG, entry '127.0.0.1:5000'");
        assertThat(debug)
                .contains("Registry credentials for 127.0.0.1:5000: credential helper docker-credential-test"
                        + " (credsStore in " + config.resolve("config.json") + "): has no credentials for"
                        + " 127.0.0.1:5000");
    }

    @Test
    void aHelperThatIsNotOnThePathIsReportedAndSkipped() throws IOException {
        configJson("{\"credHelpers\":{\"" + REGISTRY + "\":\"missing\"}}");

        assertThat(lookup().forImage(IMAGE)).isEmpty();

        assertThat(debug)
                .contains("Registry credentials for 127.0.0.1:5000: credential helper docker-credential-missing"
                        + " (credHelpers in " + config.resolve("config.json") + "): docker-credential-missing is not"
                        + " on the PATH");
    }

    @Test
    void dockerHubImagesUseTheKeyTheDockerCliWritesForDockerHub() throws IOException {
        configJson("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + base64("hub-user:hub-pw") + "\"}}}");

        Credentials found = lookup().forImage("postgres:16").orElseThrow();

        assertThat(found.serverAddress()).isEqualTo("https://index.docker.io/v1/");
        assertThat(found.username()).isEqualTo("hub-user");
    }

    @Test
    void withoutDockerConfigTheConfigIsReadFromTheHomeDirectory() throws IOException {
        env.remove("DOCKER_CONFIG");
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(
                home.resolve(".docker/config.json"),
                "{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + base64("home-user:home-pw") + "\"}}}");

        assertThat(lookup().forImage(IMAGE).orElseThrow().username()).isEqualTo("home-user");
    }

    @Test
    void brokenJsonIsReportedWithoutQuotingIt() throws IOException {
        configJson("{\"auths\":{\"" + REGISTRY + "\":{\"auth\": s3cr3t-in-broken-json}}}");
        env.put("DOCKER_AUTH_CONFIG", "{\"auths\": s3cr3t-in-broken-variable");

        assertThat(lookup().forImage(IMAGE)).isEmpty();

        assertThat(debug)
                .contains(
                        "Registry credentials for 127.0.0.1:5000: " + config.resolve("config.json")
                                + ": not valid JSON at line 1, column 44; ignored",
                        "Registry credentials for 127.0.0.1:5000: DOCKER_AUTH_CONFIG: not valid JSON; ignored");
        assertThat(String.join("\n", debug)).doesNotContain("s3cr3t");
    }

    @Test
    void aRegistryIsLookedUpOncePerLookupObject() throws IOException {
        helper("test", REGISTRY, "helper-user", "helper-secret");
        configJson("{\"credsStore\":\"test\"}");
        RegistryCredentials lookup = lookup();

        lookup.forImage(IMAGE);
        lookup.forImage(REGISTRY + "/dock/other:2");

        assertThat(helperCalls("test")).containsExactly(REGISTRY);
    }

    @Test
    void noDebugLineAndNoToStringShowsAUserNameOrASecret() throws IOException {
        helper("test", REGISTRY, "helper-user", "helper-secret");
        configJson("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + base64("file-user:file-pw") + "\"}},"
                + "\"credsStore\":\"test\"}");
        RegistryCredentials lookup = lookup();

        String shown = lookup.forImage(IMAGE).orElseThrow() + "\n"
                + lookup.forImage("ghcr.io/acme/app:1").orElseThrow() + "\n" + String.join("\n", debug);

        assertThat(shown)
                .doesNotContain("helper-user", "helper-secret", "file-user", "file-pw", base64("file-user:file-pw"));
    }
}

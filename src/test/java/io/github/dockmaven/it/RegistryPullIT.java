package io.github.dockmaven.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from real registries on this machine, by Maven builds of small projects: progress, one pull per session,
 * failures that say what went wrong, and credentials from each place the plugin looks, with the password never in the
 * build's output ({@code -X} included) nor in its {@code target} directory.
 *
 * <p>Three registries run for the class: one open, one with htpasswd authentication, one with authentication behind
 * TLS. Each gets images built here (busybox plus a layer of random bytes, so that a pull downloads something), which
 * are then removed from the engine. Everything is stopped (by pid) and removed afterwards.
 */
class RegistryPullIT {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String USER = "dock-it-user-" + RUN;
    static final String PASSWORD = "pw-" + UUID.randomUUID().toString().replace("-", "");

    static Path work;
    static LocalRegistry open;
    static LocalRegistry secured;
    static LocalRegistry tls;
    static final List<String> IMAGES = new ArrayList<>();

    @TempDir
    Path temp;

    Path project;
    /** An empty Docker configuration, so that the machine's own ~/.docker/config.json plays no part. */
    Path emptyDockerConfig;

    Map<String, String> env;
    /** The {@code <server>} elements of the settings.xml of the builds. */
    String servers = "";

    @BeforeAll
    static void startRegistries() throws IOException {
        assertThat(LocalRegistry.BINARY).as("Debian's docker-registry package").isExecutable();
        work = Files.createTempDirectory("dock-registry-it-");
        open = LocalRegistry.start(work.resolve("open"), null, null, false);
        secured = LocalRegistry.start(work.resolve("secured"), USER, PASSWORD, false);
        tls = LocalRegistry.start(work.resolve("tls"), USER, PASSWORD, true);
        Map<String, String> docker =
                Map.of("DOCKER_CONFIG", work.resolve("push-config").toString());
        for (LocalRegistry registry : List.of(secured, tls)) {
            Commands.run(
                    List.of("docker", "login", "--username", USER, "--password-stdin", registry.host()),
                    docker,
                    PASSWORD);
        }
        String app = buildImage("app", work.resolve("build-app"));
        String other = buildImage("other", work.resolve("build-other"));
        push(app, open.host() + "/dock/app:1", docker);
        push(other, open.host() + "/dock/other:1", docker);
        push(app, secured.host() + "/dock/app:1", docker);
        push(app, tls.host() + "/dock/app:1", docker);
        Commands.run(List.of("docker", "rmi", app, other));
        Commands.deleteTree(work.resolve("push-config"));
    }

    /** Busybox plus 8 MB of random bytes in {@code /payload}, built by the engine as dock-it/registry-it-<name>. */
    private static String buildImage(String name, Path context) throws IOException {
        String tag = "dock-it/registry-it-" + name + ":" + RUN;
        Files.createDirectories(context);
        Files.writeString(
                context.resolve("Dockerfile"), "FROM dock-it/busybox:1\nRUN head -c 8000000 /dev/urandom > /payload\n");
        Commands.run(
                List.of(
                        "docker",
                        "build",
                        "--quiet",
                        "--label",
                        "io.github.dockmaven.test=" + RUN,
                        "-t",
                        tag,
                        context.toString()),
                Map.of("DOCKER_BUILDKIT", "0"),
                null);
        return tag;
    }

    private static void push(String image, String target, Map<String, String> docker) {
        Commands.run(List.of("docker", "tag", image, target));
        IMAGES.add(target);
        Commands.run(List.of("docker", "push", target), docker, null);
        Commands.run(List.of("docker", "rmi", target));
    }

    @AfterAll
    static void stopRegistries() {
        try {
            for (String image : IMAGES) {
                Commands.tryRun(List.of("docker", "rmi", image), Map.of(), null);
            }
        } finally {
            for (LocalRegistry registry : new LocalRegistry[] {open, secured, tls}) {
                if (registry != null) {
                    registry.close();
                }
            }
            Commands.deleteTree(work);
        }
    }

    @BeforeEach
    void environment() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        emptyDockerConfig = Files.createDirectories(temp.resolve("empty-docker-config"));
        env = new HashMap<>();
        env.put("DOCKER_CONFIG", emptyDockerConfig.toString());
        env.put("DOCKER_AUTH_CONFIG", "");
        // pulled images are removed before each test, so that each one pulls for real
        for (String image : IMAGES) {
            Commands.tryRun(List.of("docker", "rmi", image), Map.of(), null);
        }
    }

    private static String appOn(LocalRegistry registry) {
        return registry.host() + "/dock/app:1";
    }

    /** Runs Maven in the project with settings that hold {@link #servers}. */
    private MavenRun.Run mvn(String... args) {
        return MavenRun.run(MavenLauncher.in(project).env(env).servers(servers), args);
    }

    private static String server(String id, String password) {
        return "<server><id>" + id + "</id><username>" + USER + "</username><password>" + password
                + "</password></server>";
    }

    private MavenRun.Run build(String artifactId, String image, String... mavenArgs) {
        MavenRun.project(project, artifactId, MavenRun.container("app", image, "missing", payloadCheck()));
        List<String> args = new ArrayList<>(List.of(mavenArgs));
        args.add("verify");
        return mvn(args.toArray(String[]::new));
    }

    /** Ready only if the payload layer of the pushed image is there, so a container of busybox alone would not do. */
    private static String payloadCheck() {
        return "test -s /payload && echo ready; exec sleep 60";
    }

    /**
     * The password, and the forms that would carry it: base64 of user:password, the engine's auth header. A failure
     * shows the offending lines with the secret masked, so that the report does not leak it either.
     */
    private static void assertNoSecret(MavenRun.Run run) {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(PASSWORD, basic, "X-Registry-Auth", "X-Registry-Config");
        List<String> leaks = run.output()
                .lines()
                .filter(line -> secrets.stream().anyMatch(line::contains))
                .map(line -> line.replace(PASSWORD, "<PASSWORD>").replace(basic, "<BASE64>"))
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "..." : line)
                .toList();
        assertThat(leaks)
                .as("lines of the build's output that show credentials")
                .isEmpty();
        run.targetFiles().forEach((file, text) -> assertThat(text.contains(PASSWORD) || text.contains(basic))
                .as("%s holds the password", file)
                .isFalse());
    }

    private static void assertPulledAndStarted(MavenRun.Run run, String image) {
        assertThat(run.lines("Pulling " + image + " for 'app'")).hasSize(1);
        assertThat(run.output())
                .containsPattern("Pulled \\Q" + image + "\\E in [0-9.]+m?s: 2 layers(, 8\\.\\d MB downloaded)?\n");
        assertThat(run.output()).contains("Started 'app' (" + image + ", ");
    }

    @Test
    void imagesArePulledAtOnceWithAFewProgressLinesAndOncePerSessionAcrossModules() {
        String app = appOn(open);
        String other = open.host() + "/dock/other:1";
        MavenRun.reactor(
                project,
                "pulls-" + RUN,
                List.of(
                        new String[] {
                            MavenRun.container("a", app, "always", payloadCheck()),
                            MavenRun.container("b", other, "missing", payloadCheck())
                        },
                        new String[] {MavenRun.container("c", app, "always", payloadCheck())}));

        MavenRun.Run run = mvn("verify").succeeded();

        assertThat(run.lines("Pulling " + app + " for ")).containsExactly("[INFO] Pulling " + app + " for 'a'");
        assertThat(run.lines("Pulling " + other + " for ")).containsExactly("[INFO] Pulling " + other + " for 'b'");
        // (the bytes, when the engine told them: a layer downloaded in a blink may come without a size)
        assertThat(run.output())
                .containsPattern("Pulled \\Q" + app + "\\E in [0-9.]+m?s: 2 layers(, 8\\.\\d MB downloaded)?\n")
                .containsPattern("Pulled \\Q" + other + "\\E in [0-9.]+m?s: 2 layers(, 8\\.\\d MB downloaded)?\n");
        // batch mode: at most a line every 5 seconds while a pull runs
        assertThat(run.lines("Pulling " + app + ": ").size()).isLessThanOrEqualTo(3);
        // both pulls had begun before either ended
        List<String> order = run.output()
                .lines()
                .filter(line -> line.contains("Pulling " + app + " for")
                        || line.contains("Pulling " + other + " for")
                        || line.contains("Pulled "))
                .toList();
        assertThat(order.get(0)).contains("Pulling ");
        assertThat(order.get(1)).contains("Pulling ");
        assertThat(run.output())
                .contains("Started 'a' (" + app + ", ", "Started 'b' (" + other + ", ", "Started 'c' (" + app + ", ");
        assertNoLeftovers("pulls-" + RUN + "-m1", "pulls-" + RUN + "-m2");
    }

    @Test
    void aMavenServerWithThePlainPasswordAuthenticates() {
        servers = server(secured.host(), PASSWORD);

        MavenRun.Run run = build("settings-plain-" + RUN, appOn(secured), "-X").succeeded();

        assertPulledAndStarted(run, appOn(secured));
        assertThat(run.output())
                .contains("Registry credentials for " + secured.host() + ": using Maven settings <server> '"
                        + secured.host() + "'");
        assertNoSecret(run);
    }

    @Test
    void aMavenServerWithAPasswordEncryptedByTheMasterPasswordAuthenticates() {
        Path security = temp.resolve("settings/settings-security.xml");
        String master = MavenRun.encrypted(temp, "--encrypt-master-password", "master-" + RUN);
        MavenRun.write(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>\n");
        String encrypted = MavenRun.encrypted(temp, "-Dsettings.security=" + security, "--encrypt-password", PASSWORD);
        servers = server(secured.host(), encrypted);

        MavenRun.Run run = build("settings-encrypted-" + RUN, appOn(secured), "-X", "-Dsettings.security=" + security)
                .succeeded();

        assertPulledAndStarted(run, appOn(secured));
        assertNoSecret(run);
    }

    @Test
    void configJsonAuthsAuthenticateWithARegistryBehindTls() throws IOException {
        Path dockerConfig = Files.createDirectories(temp.resolve("docker-config"));
        Files.writeString(
                dockerConfig.resolve("config.json"),
                "{\"auths\":{\"" + tls.host() + "\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\"}}}");
        env.put("DOCKER_CONFIG", dockerConfig.toString());

        MavenRun.Run run = build("config-json-" + RUN, appOn(tls), "-X").succeeded();

        assertPulledAndStarted(run, appOn(tls));
        assertThat(run.output())
                .contains("Registry credentials for " + tls.host() + ": using the auth of '" + tls.host() + "' in "
                        + dockerConfig.resolve("config.json") + " (auths)");
        assertNoSecret(run);
    }

    @Test
    void aCredentialHelperOnThePathAuthenticates() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(
                helper,
                "#!/bin/sh\nread server\n[ \"$1\" = get ] && [ \"$server\" = '" + secured.host() + "' ] || {"
                        + " echo 'credentials not found in native keychain'; exit 1; }\n"
                        + "printf '{\"ServerURL\":\"%s\",\"Username\":\"%s\",\"Secret\":\"%s\"}\\n' \"$server\" '"
                        + USER + "' '" + PASSWORD + "'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path dockerConfig = Files.createDirectories(temp.resolve("docker-config"));
        Files.writeString(
                dockerConfig.resolve("config.json"), "{\"credHelpers\":{\"" + secured.host() + "\":\"test\"}}");
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));

        MavenRun.Run run = build("cred-helper-" + RUN, appOn(secured), "-X").succeeded();

        assertPulledAndStarted(run, appOn(secured));
        assertThat(run.output())
                .contains("Registry credentials for " + secured.host() + ": using credential helper"
                        + " docker-credential-test (credHelpers in " + dockerConfig.resolve("config.json") + ")");
        assertNoSecret(run);
    }

    @Test
    void dockerAuthConfigAuthenticatesWhenNothingElseDoes() {
        env.put(
                "DOCKER_AUTH_CONFIG",
                "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\""
                        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\"}}}");

        MavenRun.Run run = build("auth-config-" + RUN, appOn(secured), "-X").succeeded();

        assertPulledAndStarted(run, appOn(secured));
        assertThat(run.output())
                .contains("Registry credentials for " + secured.host() + ": using the auth of '" + secured.host()
                        + "' in DOCKER_AUTH_CONFIG");
        assertNoSecret(run);
    }

    @Test
    void aWrongPasswordFailsTheBuildSayingAuthenticationFailedAndWhereTheCredentialsCameFrom() {
        servers = server(secured.host(), "wrong-" + PASSWORD.substring(3, 10));

        MavenRun.Run run = build("wrong-password-" + RUN, appOn(secured));
        MavenRun.Run debug = build("wrong-password-" + RUN, appOn(secured), "-X");

        assertThat(run.failure())
                .isEqualTo("Could not pull image '" + appOn(secured) + "' from registry " + secured.host()
                        + ": authentication failed: the registry refused the credentials from Maven settings"
                        + " <server> '" + secured.host() + "'. Fix the user name or password there. The engine said:"
                        + " unauthorized: authentication required");
        assertNoSecret(debug);
        assertThat(debug.output()).doesNotContain("wrong-" + PASSWORD.substring(3, 10));
        assertNoLeftovers("wrong-password-" + RUN);
    }

    @Test
    void withoutCredentialsTheFailureSaysHowToGiveThem() {
        MavenRun.Run run = build("no-credentials-" + RUN, appOn(secured));

        assertThat(run.failure())
                .isEqualTo("Could not pull image '" + appOn(secured) + "' from registry " + secured.host()
                        + ": authentication required, and no credentials were found for " + secured.host()
                        + ". Add a <server> with <id>" + secured.host() + "</id>, <username> and <password> to"
                        + " Maven's settings.xml, or run docker login " + secured.host() + " first. The engine said:"
                        + " Head \"http://" + secured.host() + "/v2/dock/app/manifests/1\": no basic auth"
                        + " credentials");
    }

    @Test
    void aMissingTagFailsTheBuildSayingNotFound() {
        String image = open.host() + "/dock/app:no-such-tag";

        MavenRun.Run run = build("not-found-" + RUN, image);

        assertThat(run.failure())
                .isEqualTo("Could not pull image '" + image + "' from registry " + open.host() + ": not found: "
                        + open.host() + " has no such repository or tag. Check <image>. The engine said: manifest"
                        + " for " + image + " not found: manifest unknown: manifest unknown");
    }

    @Test
    void anImageBuiltFromABaseImageOfAPrivateRegistryGetsItsCredentials() {
        servers = server(secured.host(), PASSWORD);
        String tag = "dock-it/registry-it-built:" + RUN;
        // the registry comes from a build arg: the credentials are found for the image the engine will pull
        MavenRun.write(
                project.resolve("image/Dockerfile"),
                "ARG REGISTRY\nFROM ${REGISTRY}/dock/app:1 AS base\n" + "FROM base\nRUN test -s /payload\n");
        MavenRun.project(
                project,
                "build-credentials-" + RUN,
                "<container><alias>app</alias><image>" + tag + "</image><build><context>image</context><args><REGISTRY>"
                        + secured.host() + "</REGISTRY></args></build><command><arg>sh</arg><arg>-c</arg><arg>"
                        + MavenRun.xml(payloadCheck())
                        + "</arg></command><wait><log>^ready$</log><timeout>30s</timeout></wait>"
                        + "<stopMode>kill</stopMode></container>");
        try {
            MavenRun.Run run = mvn("-X", "verify").succeeded();

            assertThat(run.output())
                    .contains("Registry credentials for " + secured.host() + ": using Maven settings <server> '"
                            + secured.host() + "'")
                    .contains("Started 'app' (" + tag + ", ");
            assertNoSecret(run);
            assertNoLeftovers("build-credentials-" + RUN);
        } finally {
            Commands.tryRun(List.of("docker", "rmi", tag), Map.of(), null);
        }
    }

    private static void assertNoLeftovers(String... artifactIds) {
        for (String artifactId : artifactIds) {
            assertThat(DockerCli.ofProject("io.github.dockmaven.it:" + artifactId))
                    .as("what the build of %s left", artifactId)
                    .isEmpty();
        }
    }
}

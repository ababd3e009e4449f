package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.ContainerSpec.PullPolicy;
import io.github.dockmaven.core.ContainerSpec.StopMode;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.VolumeMount;
import io.github.dockmaven.core.WaitSpec;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapperTest {

    private static final Path BASE_DIR = Path.of("/home/dev/shop");

    private static Container container(String alias, String image) {
        Container c = new Container();
        c.alias = alias;
        c.image = image;
        return c;
    }

    private static Container.Wait waitFor() {
        return new Container.Wait();
    }

    private static List<ContainerSpec> map(Container... containers) {
        return ConfigMapper.map(List.of(containers), BASE_DIR, "shop");
    }

    private static ContainerSpec mapOne(Container container) {
        return map(container).get(0);
    }

    private static void assertFails(String message, Container... containers) {
        assertThatThrownBy(() -> map(containers))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    // ---- happy paths

    @Test
    void noContainersMapToNone() {
        assertThat(ConfigMapper.map(null, BASE_DIR, "shop")).isEmpty();
        assertThat(ConfigMapper.map(List.of(), BASE_DIR, "shop")).isEmpty();
    }

    @Test
    void reuseIsOffUnlessTheContainerAsksForIt() {
        Container db = container("db", "postgres:16");
        Container cache = container("cache", "redis:7");
        cache.reuse = true;

        assertThat(map(db, cache)).extracting(ContainerSpec::reuse).containsExactly(false, true);
    }

    @Test
    void aMinimalContainerGetsTheContractDefaults() {
        ContainerSpec spec = mapOne(container("db", "postgres:16"));

        assertThat(spec.alias()).isEqualTo("db");
        assertThat(spec.image()).isEqualTo("postgres:16");
        assertThat(spec.name()).isNull();
        assertThat(spec.pullPolicy()).isEqualTo(PullPolicy.MISSING);
        assertThat(spec.stopMode()).isEqualTo(StopMode.STOP);
        assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(spec.command()).isNull();
        assertThat(spec.entrypoint()).isNull();
        assertThat(spec.env()).isEmpty();
        assertThat(spec.ports()).isEmpty();
        assertThat(spec.volumes()).isEmpty();
        assertThat(spec.dependsOn()).isEmpty();
        assertThat(spec.networks()).isEmpty();
        assertThat(spec.readiness().isDefault()).isTrue();
        assertThat(spec.readiness().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aWaitWithoutTimeoutGetsSixtySeconds() {
        Container db = container("db", "postgres:16");
        db.wait = waitFor();
        db.wait.log = "ready";

        assertThat(mapOne(db).readiness().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aCommandGivenAsOneStringIsSplitLikeAShellSplitsWords() {
        Container job = container("job", "busybox:1");
        job.command = new Container.Args();
        job.command.set("sh -c 'echo \"hello world\" && sleep 1'");

        assertThat(mapOne(job).command()).containsExactly("sh", "-c", "echo \"hello world\" && sleep 1");
    }

    @Test
    void aCommandGivenAsArgsIsTakenWordForWord() {
        Container job = container("job", "busybox:1");
        job.entrypoint = new Container.Args();
        job.entrypoint.addArg("/bin/sh");
        job.entrypoint.setArg("-c");
        job.entrypoint.addArg("echo 'a b'");

        assertThat(mapOne(job).entrypoint()).containsExactly("/bin/sh", "-c", "echo 'a b'");
        assertThat(mapOne(job).command()).isNull();
    }

    @Test
    void anEmptyCommandMeansTheImageDefault() {
        Container job = container("job", "busybox:1");
        job.command = new Container.Args();
        job.command.set("   ");

        assertThat(mapOne(job).command()).isNull();
    }

    @Test
    void everyElementIsMapped() {
        Container app = container(" app ", " example/app:1.0 ");
        app.name = "shop-app";
        app.pullPolicy = "Always";
        app.stopMode = "kill";
        app.stopTimeout = "500ms";
        app.env = new LinkedHashMap<>(Map.of("DB_URL", "jdbc:postgresql://db:5432/postgres"));
        app.env.put("EMPTY", null);
        app.labels = Map.of("team", "shop");
        app.ports = List.of("8080", "18081:8081", "53/udp");
        app.volumes = List.of("data:/data", "src/test/conf:/etc/app:ro");
        app.dependsOn = List.of(" db ");
        app.archive = new File("target/app.tar");
        app.wait = waitFor();
        app.wait.log = "Started .* in";
        app.wait.tcp = "8080, 8081";
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;
        app.wait.http.path = "health";
        app.wait.http.status = "200..299";
        app.wait.http.method = "head";
        app.wait.healthy = true;
        app.wait.timeout = "2m";

        ContainerSpec spec = map(app, container("db", "postgres:16")).get(0);

        assertThat(spec.alias()).isEqualTo("app");
        assertThat(spec.image()).isEqualTo("example/app:1.0");
        assertThat(spec.name()).isEqualTo("shop-app");
        assertThat(spec.pullPolicy()).isEqualTo(PullPolicy.ALWAYS);
        assertThat(spec.stopMode()).isEqualTo(StopMode.KILL);
        assertThat(spec.stopTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(spec.env())
                .containsEntry("DB_URL", "jdbc:postgresql://db:5432/postgres")
                .containsEntry("EMPTY", "");
        assertThat(spec.labels()).containsExactly(Map.entry("team", "shop"));
        assertThat(spec.ports())
                .containsExactly(
                        new PortMapping(null, null, 8080, "tcp"),
                        new PortMapping(null, 18081, 8081, "tcp"),
                        new PortMapping(null, null, 53, "udp"));
        assertThat(spec.volumes())
                .containsExactly(
                        new VolumeMount(true, "data", "/data", false),
                        new VolumeMount(false, "/home/dev/shop/src/test/conf", "/etc/app", true));
        assertThat(spec.dependsOn()).containsExactly("db");
        assertThat(spec.archive()).isEqualTo(Path.of("/home/dev/shop/target/app.tar"));
        WaitSpec wait = spec.readiness();
        assertThat(wait.log().pattern()).isEqualTo("Started .* in");
        assertThat(wait.tcp()).containsExactly(8080, 8081);
        assertThat(wait.http()).isEqualTo(new WaitSpec.Http(8080, "/health", "HEAD", 200, 299));
        assertThat(wait.healthy()).isTrue();
        assertThat(wait.exitCode()).isNull();
        assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anHttpWaitDefaultsToGetOfTheRootAnsweringAnySuccessOrRedirect() {
        Container app = container("app", "example/app:1");
        app.ports = List.of("8080");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;

        assertThat(mapOne(app).readiness().http()).isEqualTo(new WaitSpec.Http(8080, "/", "GET", 200, 399));
    }

    @Test
    void aSingleHttpStatusIsARangeOfOne() {
        Container app = container("app", "example/app:1");
        app.ports = List.of("8080");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;
        app.wait.http.status = "204";

        assertThat(mapOne(app).readiness().http()).isEqualTo(new WaitSpec.Http(8080, "/", "GET", 204, 204));
    }

    @Test
    void anExitWaitIsKept() {
        Container job = container("migrate", "flyway/flyway:10");
        job.wait = waitFor();
        job.wait.exit = 0;

        assertThat(mapOne(job).readiness().exitCode()).isZero();
    }

    @Test
    void aNetworkElementReplacesTheBuildNetwork() {
        Container app = container("app", "example/app:1");
        app.network = "host";

        assertThat(mapOne(app).networks()).containsExactly("host");
        assertThat(mapOne(app).usesBuildNetwork()).isFalse();
    }

    @Test
    void containersKeepTheirOrderAndMayDependOnLaterOnes() {
        Container app = container("app", "example/app:1");
        app.dependsOn = List.of("db");

        assertThat(map(app, container("db", "postgres:16")))
                .extracting(ContainerSpec::alias)
                .containsExactly("app", "db");
    }

    // ---- user mistakes

    @Test
    void aMissingAliasNamesTheContainerByPositionAndImage() {
        assertFails(
                "The 2nd <container> (image redis:7) has no <alias>. Give it one, e.g. <alias>db</alias>: the alias"
                        + " names the container in logs, properties and <dependsOn>.",
                container("db", "postgres:16"),
                container(" ", "redis:7"));
    }

    @Test
    void aMissingAliasAndImageStillNamesThePosition() {
        assertFails(
                "The 1st <container> has no <alias>. Give it one, e.g. <alias>db</alias>: the alias names the"
                        + " container in logs, properties and <dependsOn>.",
                container(null, null));
    }

    @Test
    void anInvalidAliasSuggestsAValidOne() {
        assertFails(
                "The 1st <container> has <alias>My DB</alias>, which is not a valid alias: use lower-case letters,"
                        + " digits, '_', '.' and '-', starting with a letter or digit, e.g. <alias>my-db</alias>.",
                container("My DB", "postgres:16"));
        assertFails(
                "The 1st <container> has <alias>-db</alias>, which is not a valid alias: use lower-case letters,"
                        + " digits, '_', '.' and '-', starting with a letter or digit, e.g. <alias>c-db</alias>.",
                container("-db", "postgres:16"));
    }

    @Test
    void aDuplicateAliasIsRejected() {
        assertFails(
                "Two <container> elements have <alias>db</alias>. Aliases must be unique in the POM: rename one of"
                        + " them.",
                container("db", "postgres:16"),
                container("db", "postgres:15"));
    }

    @Test
    void aMissingImageGivesAnExample() {
        assertFails("Container 'db' has no <image>. Add one, e.g. <image>postgres:16</image>.", container("db", " "));
    }

    @Test
    void anImageThatIsNotAReferenceIsRejectedWithExamples() {
        assertFails(
                "Container 'db': <image>postgres 16</image> is not a valid image reference. Write it as name[:tag]"
                        + " or name@digest, the name in lower case, e.g. postgres:16 or"
                        + " registry.example.com:5000/team/app:1.0.",
                container("db", "postgres 16"));
    }

    @Test
    void aMalformedPortShowsTheReasonAndExamples() {
        Container db = container("db", "postgres:16");
        db.ports = List.of("5432", "5432-5433");

        assertFails(
                "Container 'db': <port>5432-5433</port> is not a valid port: expected 'containerPort',"
                        + " 'hostPort:containerPort' or 'hostIp:hostPort:containerPort', optionally followed by /tcp"
                        + " or /udp. Examples: <port>8080</port>, <port>18080:8080</port>, <port>53/udp</port>.",
                db);
    }

    @Test
    void aPortOutOfRangeNamesTheValue() {
        Container db = container("db", "postgres:16");
        db.ports = List.of("70000:5432");

        assertFails(
                "Container 'db': <port>70000:5432</port> is not a valid port: 70000 is above 65535, the highest"
                        + " port. Examples: <port>8080</port>, <port>18080:8080</port>, <port>53/udp</port>.",
                db);
    }

    @Test
    void aMalformedVolumeShowsTheReasonAndExamples() {
        Container db = container("db", "postgres:16");
        db.volumes = List.of("pgdata");

        assertFails(
                "Container 'db': <volume>pgdata</volume> is not valid: expected 'name:/container/path' or"
                        + " 'hostPath:/container/path', optionally followed by ':ro'. Examples:"
                        + " <volume>data:/var/lib/data</volume>, <volume>src/test/conf:/etc/app:ro</volume>.",
                db);
    }

    @Test
    void aVolumeWithARelativeContainerPathIsRejected() {
        Container db = container("db", "postgres:16");
        db.volumes = List.of("pgdata:var/lib/postgresql");

        assertFails(
                "Container 'db': <volume>pgdata:var/lib/postgresql</volume> is not valid: the container path"
                        + " 'var/lib/postgresql' must be absolute. Examples: <volume>data:/var/lib/data</volume>,"
                        + " <volume>src/test/conf:/etc/app:ro</volume>.",
                db);
    }

    @Test
    void aBadStopTimeoutNamesTheElementAndTheValue() {
        Container db = container("db", "postgres:16");
        db.stopTimeout = "3 seconds";

        assertFails(
                "Container 'db': <stopTimeout>3 seconds</stopTimeout> is not a duration: expected a duration such"
                        + " as 500ms, 3s, 1m or 1m30s.",
                db);
    }

    @Test
    void aBadWaitTimeoutNamesTheElementAndTheValue() {
        Container db = container("db", "postgres:16");
        db.wait = waitFor();
        db.wait.timeout = "1.5m";

        assertFails(
                "Container 'db': <wait><timeout>1.5m</timeout> is not a duration: expected a duration such as 500ms,"
                        + " 3s, 1m or 1m30s.",
                db);
    }

    @Test
    void anUnknownPullPolicyListsTheAllowedOnes() {
        Container db = container("db", "postgres:16");
        db.pullPolicy = "sometimes";

        assertFails("Container 'db': <pullPolicy>sometimes</pullPolicy> is not one of missing, always, never.", db);
    }

    @Test
    void anUnknownStopModeListsTheAllowedOnes() {
        Container db = container("db", "postgres:16");
        db.stopMode = "terminate";

        assertFails("Container 'db': <stopMode>terminate</stopMode> is not one of stop, kill.", db);
    }

    @Test
    void aDependencyOnAnUnknownAliasListsTheKnownOnes() {
        Container app = container("app", "example/app:1");
        app.dependsOn = List.of("database");

        assertFails(
                "Container 'app': <dependsOn> names 'database', but no <container> has that alias. Known aliases:"
                        + " app, db.",
                container("db", "postgres:16"),
                app);
    }

    @Test
    void aContainerThatDependsOnItselfIsRejected() {
        Container app = container("app", "example/app:1");
        app.dependsOn = List.of("app");

        assertFails("Container 'app' depends on itself in <dependsOn>. Remove 'app' from it.", app);
    }

    @Test
    void aTcpWaitOnAPortThatIsNotPublishedSaysWhichPortToAdd() {
        Container db = container("db", "postgres:16");
        db.ports = List.of("5432", "53/udp");
        db.wait = waitFor();
        db.wait.tcp = "5432,53";

        assertFails(
                "Container 'db': <wait><tcp> checks port 53, which is not in <ports>. Add <port>53</port> so it can"
                        + " be reached from the build.",
                db);
    }

    @Test
    void aTcpWaitThatIsNotAPortNumberIsRejected() {
        Container db = container("db", "postgres:16");
        db.ports = List.of("5432");
        db.wait = waitFor();
        db.wait.tcp = "postgres";

        assertFails("Container 'db': <wait><tcp> 'postgres' is not a port number (1 to 65535).", db);
    }

    @Test
    void anHttpWaitOnAPortThatIsNotPublishedSaysWhichPortToAdd() {
        Container app = container("app", "example/app:1");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;

        assertFails(
                "Container 'app': <wait><http><port> checks port 8080, which is not in <ports>. Add"
                        + " <port>8080</port> so it can be reached from the build.",
                app);
    }

    @Test
    void anHttpWaitWithoutPortIsRejected() {
        Container app = container("app", "example/app:1");
        app.wait = waitFor();
        app.wait.http = new Container.Http();

        assertFails(
                "Container 'app': <wait><http> has no <port>. Add the container port to ask, e.g."
                        + " <port>8080</port>.",
                app);
    }

    @Test
    void aBadRegexShowsTheReasonAndHowToQuote() {
        Container db = container("db", "postgres:16");
        db.wait = waitFor();
        db.wait.log = "ready (pid";

        assertFails(
                "Container 'db': <wait><log>ready (pid</log> is not a valid Java regular expression: Unclosed group"
                        + " near index 10. Escape special characters with \\, or quote the text with \\Q...\\E.",
                db);
    }

    @Test
    void aBadHttpStatusShowsBothForms() {
        Container app = container("app", "example/app:1");
        app.ports = List.of("8080");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;
        app.wait.http.status = "2xx";

        assertFails(
                "Container 'app': <wait><http><status>2xx</status> is not a status: write one code (200) or a range"
                        + " (200..299).",
                app);
    }

    @Test
    void anEmptyHttpStatusRangeIsRejected() {
        Container app = container("app", "example/app:1");
        app.ports = List.of("8080");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;
        app.wait.http.status = "399..200";

        assertFails(
                "Container 'app': <wait><http><status>399..200</status> is an empty range: write the lower code"
                        + " first.",
                app);
    }

    @Test
    void anUnknownHttpMethodIsRejected() {
        Container app = container("app", "example/app:1");
        app.ports = List.of("8080");
        app.wait = waitFor();
        app.wait.http = new Container.Http();
        app.wait.http.port = 8080;
        app.wait.http.method = "FETCH";

        assertFails(
                "Container 'app': <wait><http><method>FETCH</method> is not an HTTP method. Use GET (default), HEAD,"
                        + " POST, ...",
                app);
    }

    @Test
    void anUnclosedQuoteInACommandSaysHowToFixIt() {
        Container job = container("job", "busybox:1");
        job.command = new Container.Args();
        job.command.set("sh -c 'echo hi");

        assertFails(
                "Container 'job': <command>sh -c 'echo hi</command> cannot be split into words: the quote ' is not"
                        + " closed. Close the quote, or give the words as a list of <arg>.",
                job);
    }

    @Test
    void hostNetworkCannotBeCombinedWithOthers() {
        Container app = container("app", "example/app:1");
        app.network = "host";
        app.networks = new ArrayList<>(List.of("backend"));

        assertFails(
                "Container 'app': the network 'host' or 'none' cannot be combined with other networks (host,"
                        + " backend). Use it alone.",
                app);
    }
}

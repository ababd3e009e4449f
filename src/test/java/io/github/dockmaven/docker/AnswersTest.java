package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.dockmaven.core.ContainerInfo;
import io.github.dockmaven.core.ContainerInfo.Health;
import io.github.dockmaven.core.ContainerInfo.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's answers, as JSON the engine sends, in the port's types. */
class AnswersTest {

    private static <T> T parse(String json, Class<T> type) throws Exception {
        return ClientJson.mapper().readValue(json, type);
    }

    @Test
    void anInspectionGivesNameImageLabelsStateHealthPortsAndAddresses() throws Exception {
        InspectContainerResponse response = parse(
                """
                {"Id": "3f2a1c9b04de77", "Name": "/db",
                 "Config": {"Image": "dock-it/redis:7", "Labels": {"io.github.dockmaven.managed": "true"}},
                 "State": {"Status": "running", "ExitCode": 0, "Error": "",
                           "Health": {"Status": "healthy"}},
                 "NetworkSettings": {
                   "Ports": {"6379/tcp": [{"HostIp": "::", "HostPort": "32772"},
                                          {"HostIp": "0.0.0.0", "HostPort": "32771"}],
                             "53/udp": [{"HostIp": "0.0.0.0", "HostPort": "32773"}],
                             "8080/tcp": null},
                   "Networks": {"bridge": {"IPAddress": "172.17.0.2"}, "none": {"IPAddress": ""}}}}
                """,
                InspectContainerResponse.class);

        ContainerInfo info = Answers.fromInspection(response);

        assertThat(info.id()).isEqualTo("3f2a1c9b04de77");
        assertThat(info.name()).isEqualTo("db");
        assertThat(info.image()).isEqualTo("dock-it/redis:7");
        assertThat(info.labels()).containsExactly(Map.entry("io.github.dockmaven.managed", "true"));
        assertThat(info.status()).isEqualTo(Status.RUNNING);
        assertThat(info.health()).isEqualTo(Health.HEALTHY);
        assertThat(info.ports()).containsOnly(Map.entry("6379/tcp", 32771), Map.entry("53/udp", 32773));
        assertThat(info.ipAddresses()).containsExactly(Map.entry("bridge", "172.17.0.2"));
        assertThat(info.error()).isEmpty();
    }

    @Test
    void anInspectionOfAContainerThatFailedToStartGivesItsExitCodeAndError() throws Exception {
        InspectContainerResponse response = parse(
                """
                {"Id": "3f2a1c9b04de77", "Name": "/app",
                 "State": {"Status": "exited", "ExitCode": 127,
                           "Error": "exec: \\"nope\\": executable file not found in $PATH"}}
                """,
                InspectContainerResponse.class);

        ContainerInfo info = Answers.fromInspection(response);

        assertThat(info.status()).isEqualTo(Status.EXITED);
        assertThat(info.exitCode()).isEqualTo(127);
        assertThat(info.health()).isEqualTo(Health.NONE);
        assertThat(info.labels()).isEmpty();
        assertThat(info.ports()).isEmpty();
        assertThat(info.error()).isEqualTo("exec: \"nope\": executable file not found in $PATH");
    }

    @Test
    void anEmptyInspectionIsADeadContainerWithoutDetails() throws Exception {
        ContainerInfo info = Answers.fromInspection(parse("{}", InspectContainerResponse.class));

        assertThat(info.status()).isEqualTo(Status.DEAD);
        assertThat(info.exitCode()).isZero();
        assertThat(info.health()).isEqualTo(Health.NONE);
        assertThat(info.image()).isNull();
        assertThat(info.error()).isEmpty();
    }

    @Test
    void aListingReadsExitCodeAndHealthFromTheStatusTextAndPrefersIpv4Ports() throws Exception {
        Container exited = parse(
                """
                {"Id": "a1", "Names": ["/app"], "Image": "dock-it/busybox:1", "State": "exited",
                 "Status": "Exited (137) 2 seconds ago", "Labels": {"k": "v"}}
                """,
                Container.class);
        Container healthy = parse(
                """
                {"Id": "b2", "Names": ["/db"], "Image": "dock-it/redis:7", "State": "running",
                 "Status": "Up 3 seconds (healthy)",
                 "Ports": [{"IP": "::", "PrivatePort": 6379, "PublicPort": 32772, "Type": "tcp"},
                           {"IP": "0.0.0.0", "PrivatePort": 6379, "PublicPort": 32771, "Type": "tcp"},
                           {"PrivatePort": 53, "PublicPort": 32773, "Type": "udp"},
                           {"PrivatePort": 8080, "Type": "tcp"}],
                 "NetworkSettings": {"Networks": {"bridge": {"IPAddress": "172.17.0.3"}}}}
                """,
                Container.class);

        ContainerInfo app = Answers.fromListing(exited);
        ContainerInfo db = Answers.fromListing(healthy);

        assertThat(app.name()).isEqualTo("app");
        assertThat(app.status()).isEqualTo(Status.EXITED);
        assertThat(app.exitCode()).isEqualTo(137);
        assertThat(app.health()).isEqualTo(Health.NONE);
        assertThat(app.labels()).containsExactly(Map.entry("k", "v"));
        assertThat(app.error()).isEmpty();
        assertThat(db.health()).isEqualTo(Health.HEALTHY);
        assertThat(db.ports()).containsOnly(Map.entry("6379/tcp", 32771), Map.entry("53/udp", 32773));
        assertThat(db.ipAddresses()).containsExactly(Map.entry("bridge", "172.17.0.3"));
    }

    @Test
    void aListedHealthCheckThatIsStartingOrFailingIsReadFromTheStatusText() throws Exception {
        Container starting =
                parse("{\"State\": \"running\", \"Status\": \"Up 1 second (health: starting)\"}", Container.class);
        Container unhealthy =
                parse("{\"State\": \"running\", \"Status\": \"Up 1 minute (unhealthy)\"}", Container.class);

        assertThat(Answers.fromListing(starting).health()).isEqualTo(Health.STARTING);
        assertThat(Answers.fromListing(unhealthy).health()).isEqualTo(Health.UNHEALTHY);
        assertThat(Answers.fromListing(starting).name()).isNull();
    }

    @Test
    void theStatesOfDockerAndPodmanMapToTheSameStatus() {
        assertThat(Answers.status("created")).isEqualTo(Status.CREATED);
        assertThat(Answers.status("configured")).isEqualTo(Status.CREATED);
        assertThat(Answers.status("initialized")).isEqualTo(Status.CREATED);
        assertThat(Answers.status("Running")).isEqualTo(Status.RUNNING);
        assertThat(Answers.status("stopping")).isEqualTo(Status.RUNNING);
        assertThat(Answers.status("paused")).isEqualTo(Status.PAUSED);
        assertThat(Answers.status("restarting")).isEqualTo(Status.RESTARTING);
        assertThat(Answers.status("removing")).isEqualTo(Status.REMOVING);
        assertThat(Answers.status("exited")).isEqualTo(Status.EXITED);
        assertThat(Answers.status("stopped")).isEqualTo(Status.EXITED);
        assertThat(Answers.status(null)).isEqualTo(Status.DEAD);
        assertThat(Answers.status("dead")).isEqualTo(Status.DEAD);
    }

    @Test
    void aLabelFilterNamesKeyAndValueOrTheKeyAlone() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("io.github.dockmaven.managed", "true");
        labels.put("io.github.dockmaven.session", null);

        assertThat(Answers.labelFilter(labels))
                .containsExactly("io.github.dockmaven.managed=true", "io.github.dockmaven.session");
    }

    @Test
    void theErrorOfAProgressItemIsItsDetailElseItsErrorField() throws Exception {
        PullResponseItem detailed = parse(
                "{\"errorDetail\": {\"message\": \" manifest unknown \"}, \"error\": \"other\"}",
                PullResponseItem.class);
        PullResponseItem plain = parse("{\"error\": \" denied \"}", PullResponseItem.class);
        PullResponseItem progress = parse("{\"status\": \"Downloading\"}", PullResponseItem.class);

        assertThat(Answers.errorOf(detailed)).isEqualTo("manifest unknown");
        assertThat(Answers.errorOf(plain)).isEqualTo("denied");
        assertThat(Answers.errorOf(progress)).isNull();
    }
}

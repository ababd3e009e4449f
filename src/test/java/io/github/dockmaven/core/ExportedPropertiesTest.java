package io.github.dockmaven.core;

import static io.github.dockmaven.core.Specs.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportedPropertiesTest {

    private static final String DB_ID = "3f2a1c9b04de5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
    private static final String DNS_ID = "9e0f3f2a1c9b04de5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d";

    private final RunRecord record =
            new RunRecord(new Scope("com.example:shop", "shop", "session", "default", Labels.MODE_LIFECYCLE, "owner"));

    @Test
    void everyContainerExportsItsHostIdNameIpAndEachPublishedPortTheFirstAlsoAsPort() {
        Plan plan = Specs.plan(
                container("db").port("5432").port("15433:5433"),
                container("dns").port("53/udp"));
        record.addContainer(started("db", DB_ID, Map.of("5432/tcp", 32771, "5433/tcp", 15433), "172.18.0.2"));
        record.addContainer(started("dns", DNS_ID, Map.of("53/udp", 32772), "172.18.0.3"));

        assertThat(ExportedProperties.of(plan, record, "localhost"))
                .containsExactly(
                        Map.entry("dock.db.host", "localhost"),
                        Map.entry("dock.db.id", DB_ID),
                        Map.entry("dock.db.name", "shop-db"),
                        Map.entry("dock.db.ip", "172.18.0.2"),
                        Map.entry("dock.db.port.5432", "32771"),
                        Map.entry("dock.db.port.5433", "15433"),
                        Map.entry("dock.db.port", "32771"),
                        Map.entry("dock.dns.host", "localhost"),
                        Map.entry("dock.dns.id", DNS_ID),
                        Map.entry("dock.dns.name", "shop-dns"),
                        Map.entry("dock.dns.ip", "172.18.0.3"),
                        Map.entry("dock.dns.port.53.udp", "32772"),
                        Map.entry("dock.dns.port", "32772"));
    }

    @Test
    void aRemoteEngineIsReachedAtItsHostAndAContainerWithoutPortsExportsNoPort() {
        Plan plan = Specs.plan(container("worker"));
        record.addContainer(started("worker", DB_ID, Map.of(), ""));

        assertThat(ExportedProperties.of(plan, record, "docker.example.com"))
                .containsExactly(
                        Map.entry("dock.worker.host", "docker.example.com"),
                        Map.entry("dock.worker.id", DB_ID),
                        Map.entry("dock.worker.name", "shop-worker"),
                        Map.entry("dock.worker.ip", ""));
    }

    @Test
    void aPortTheEngineDidNotPublishIsLeftOutRatherThanExportedEmpty() {
        Plan plan = Specs.plan(container("db").port("5432"));
        record.addContainer(started("db", DB_ID, Map.of(), "172.18.0.2"));

        assertThat(ExportedProperties.of(plan, record, "localhost"))
                .doesNotContainKeys("dock.db.port", "dock.db.port.5432");
    }

    private static Started started(String alias, String id, Map<String, Integer> ports, String ip) {
        return new Started(
                alias,
                "example/img:1",
                id,
                "shop-" + alias,
                ports,
                ip,
                ContainerSpec.StopMode.STOP,
                Duration.ofSeconds(3),
                List.of(),
                StopHooks.NONE);
    }
}

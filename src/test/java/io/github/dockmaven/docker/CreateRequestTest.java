package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.Cpus;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.PortMapping;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.Ulimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateRequestTest {

    private static CreateContainerCmd fill(ContainerCreate create) {
        // the command's executor is never called: nothing is sent
        return CreateRequest.fill(new CreateContainerCmdImpl(command -> null, null, create.image()), create);
    }

    private static ContainerCreate create(
            List<PortMapping> ports, List<String> binds, Map<String, List<String>> networks, String networkMode) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("EMPTY", null);
        return new ContainerCreate(
                "db",
                "dock-it/redis:7",
                List.of("redis-server"),
                null,
                env,
                Map.of("io.github.dockmaven.managed", "true"),
                ports,
                binds,
                networks,
                networkMode,
                RunOptions.DEFAULTS);
    }

    @Test
    void nameCommandEnvAndLabelsAreSentAsGiven() {
        CreateContainerCmd cmd = fill(create(List.of(), List.of(), Map.of(), null));

        assertThat(cmd.getName()).isEqualTo("db");
        assertThat(cmd.getImage()).isEqualTo("dock-it/redis:7");
        assertThat(cmd.getCmd()).containsExactly("redis-server");
        assertThat(cmd.getEntrypoint()).isNull();
        assertThat(cmd.getEnv()).containsExactly("A=1", "EMPTY=");
        assertThat(cmd.getLabels()).containsExactly(Map.entry("io.github.dockmaven.managed", "true"));
        assertThat(cmd.getHostConfig().getNetworkMode()).isNull();
    }

    @Test
    void portsAreExposedAndBoundWithTheHostAddressWithoutBrackets() {
        CreateContainerCmd cmd = fill(create(
                List.of(
                        new PortMapping(null, null, 6379, "tcp"),
                        new PortMapping("[::1]", 18080, 8080, "tcp"),
                        new PortMapping("127.0.0.1", 5353, 53, "udp")),
                List.of(),
                Map.of(),
                null));

        assertThat(cmd.getExposedPorts())
                .containsExactly(ExposedPort.tcp(6379), ExposedPort.tcp(8080), ExposedPort.udp(53));
        Map<ExposedPort, Ports.Binding[]> bindings =
                cmd.getHostConfig().getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(6379))).containsExactly(new Ports.Binding(null, null));
        assertThat(bindings.get(ExposedPort.tcp(8080))).containsExactly(new Ports.Binding("::1", "18080"));
        assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(new Ports.Binding("127.0.0.1", "5353"));
    }

    @Test
    void theFirstNetworkIsTheNetworkModeWithItsAliases() {
        Map<String, List<String>> networks = new LinkedHashMap<>();
        networks.put("front", List.of("db", "redis"));
        networks.put("back", List.of("cache"));

        CreateContainerCmd cmd = fill(create(List.of(), List.of(), networks, null));

        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("front");
        assertThat(cmd.getAliases()).containsExactly("db", "redis");
    }

    @Test
    void aNetworkModeWinsOverNetworks() {
        CreateContainerCmd cmd = fill(create(List.of(), List.of(), Map.of("front", List.of("db")), "none"));

        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(cmd.getAliases()).isNull();
    }

    @Test
    void bindsAreParsedWithTheirAccessMode() {
        CreateContainerCmd cmd =
                fill(create(List.of(), List.of("/data:/var/lib/data:ro", "cache:/cache"), Map.of(), null));

        assertThat(cmd.getHostConfig().getBinds())
                .extracting(Bind::getPath, b -> b.getVolume().getPath(), Bind::getAccessMode)
                .containsExactly(
                        tuple("/data", "/var/lib/data", AccessMode.ro), tuple("cache", "/cache", AccessMode.rw));
    }

    @Test
    void aVolumeWithoutTargetIsExplained() {
        assertThatThrownBy(() -> fill(create(List.of(), List.of("only-a-source"), Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid volume 'only-a-source' (expected source:target, source:target:ro or"
                        + " source:target:rw)");
    }

    private static ContainerCreate withOptions(RunOptions options) {
        ContainerCreate plain = create(List.of(), List.of(), Map.of(), null);
        return new ContainerCreate(
                plain.name(),
                plain.image(),
                plain.command(),
                plain.entrypoint(),
                plain.env(),
                plain.labels(),
                plain.ports(),
                plain.binds(),
                plain.networks(),
                plain.networkMode(),
                options);
    }

    @Test
    void everyRunOptionReachesTheRequestExactly() {
        RunOptions options = new RunOptions(
                List.of(new TmpfsMount("/tmp", ""), new TmpfsMount("/run", "size=64m")),
                ByteSize.parse("512m"),
                ByteSize.parse("1g"),
                ByteSize.parse("256m"),
                Cpus.parse("1.5"),
                List.of(new Ulimit("nofile", 1024, 2048)),
                true,
                true,
                true,
                List.of("NET_ADMIN"),
                List.of("MKNOD", "ALL"),
                List.of(new ExtraHost("db.local", "10.0.0.5"), new ExtraHost("outside", ExtraHost.HOST_GATEWAY)),
                Platform.parse("linux/arm64/v8"),
                "box",
                "1000:1000",
                "/work",
                List.of("cache"),
                new Healthcheck(
                        Healthcheck.test("true"),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(500),
                        5,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(200)),
                "SIGINT");

        CreateContainerCmd cmd = fill(withOptions(options));

        HostConfig host = cmd.getHostConfig();
        assertThat(host.getTmpFs()).containsExactly(Map.entry("/tmp", ""), Map.entry("/run", "size=64m"));
        assertThat(host.getMemory()).isEqualTo(512L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(1024L * 1024 * 1024);
        assertThat(host.getShmSize()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getUlimits())
                .containsExactly(new com.github.dockerjava.api.model.Ulimit("nofile", 1024L, 2048L));
        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getInit()).isTrue();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN);
        assertThat(host.getCapDrop()).containsExactly(Capability.MKNOD, Capability.ALL);
        assertThat(host.getExtraHosts()).containsExactly("db.local:10.0.0.5", "outside:host-gateway");
        assertThat(cmd.getPlatform()).isEqualTo("linux/arm64/v8");
        assertThat(cmd.getHostName()).isEqualTo("box");
        assertThat(cmd.getUser()).isEqualTo("1000:1000");
        assertThat(cmd.getWorkingDir()).isEqualTo("/work");
        HealthCheck health = cmd.getHealthcheck();
        assertThat(health.getTest()).containsExactly("CMD-SHELL", "true");
        assertThat(health.getInterval()).isEqualTo(1_000_000_000L);
        assertThat(health.getTimeout()).isEqualTo(500_000_000L);
        assertThat(health.getRetries()).isEqualTo(5);
        assertThat(health.getStartPeriod()).isEqualTo(2_000_000_000L);
        assertThat(health.getStartInterval()).isEqualTo(200_000_000L);
        assertThat(cmd.getStopSignal()).isEqualTo("SIGINT");
    }

    @Test
    void runOptionsNotGivenLeaveTheEnginesDefaults() {
        CreateContainerCmd cmd = fill(withOptions(RunOptions.DEFAULTS));

        HostConfig host = cmd.getHostConfig();
        assertThat(host.getTmpFs()).isNull();
        assertThat(host.getMemory()).isNull();
        assertThat(host.getMemorySwap()).isNull();
        assertThat(host.getShmSize()).isNull();
        assertThat(host.getNanoCPUs()).isNull();
        assertThat(host.getUlimits()).isNull();
        assertThat(host.getPrivileged()).isNull();
        assertThat(host.getInit()).isNull();
        assertThat(host.getReadonlyRootfs()).isNull();
        assertThat(host.getCapAdd()).isNull();
        assertThat(host.getCapDrop()).isNull();
        assertThat(host.getExtraHosts()).isNull();
        assertThat(cmd.getPlatform()).isNull();
        assertThat(cmd.getHostName()).isNull();
        assertThat(cmd.getUser()).isNull();
        assertThat(cmd.getWorkingDir()).isNull();
        assertThat(cmd.getHealthcheck()).isNull();
        assertThat(cmd.getStopSignal()).isNull();
    }

    @Test
    void aHealthcheckOfNoneOnlyTurnsTheImagesCheckOff() {
        RunOptions none = new RunOptions(
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                false,
                false,
                false,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                new Healthcheck(Healthcheck.test("NONE"), null, null, null, null),
                null);

        HealthCheck health = fill(withOptions(none)).getHealthcheck();

        assertThat(health.getTest()).containsExactly("NONE");
        assertThat(health.getInterval()).isNull();
        assertThat(health.getRetries()).isNull();
    }
}

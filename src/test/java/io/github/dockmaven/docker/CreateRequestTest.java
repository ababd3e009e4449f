package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.github.dockmaven.core.ContainerCreate;
import io.github.dockmaven.core.PortMapping;
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
                networkMode);
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
}

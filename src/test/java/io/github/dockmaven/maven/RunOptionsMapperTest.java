package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.ByteSize;
import io.github.dockmaven.core.ContainerSpec;
import io.github.dockmaven.core.Cpus;
import io.github.dockmaven.core.ExtraHost;
import io.github.dockmaven.core.Healthcheck;
import io.github.dockmaven.core.Platform;
import io.github.dockmaven.core.RunOptions;
import io.github.dockmaven.core.TmpfsMount;
import io.github.dockmaven.core.Ulimit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run options of a {@code <container>}, as ConfigMapper maps them, and the errors for malformed ones. */
class RunOptionsMapperTest {

    @TempDir
    Path baseDir;

    private Container app(Consumer<Container> configure) {
        Container c = new Container();
        c.alias = "app";
        c.image = "dock-it/busybox:1";
        configure.accept(c);
        return c;
    }

    private ContainerSpec map(Consumer<Container> configure) {
        return ConfigMapper.map(List.of(app(configure)), baseDir, "shop").get(0);
    }

    private void assertFails(String message, Consumer<Container> configure) {
        assertThatThrownBy(() -> map(configure))
                .isInstanceOf(BuildFailure.class)
                .hasMessage(message);
    }

    @Test
    void noRunOptionMeansTheEnginesDefaults() {
        assertThat(map(c -> {}).options()).isEqualTo(RunOptions.DEFAULTS);
    }

    @Test
    void everyRunOptionIsMapped() {
        Container.Healthcheck health = new Container.Healthcheck();
        health.test = "wget -q -O /dev/null localhost";
        health.interval = "1s";
        health.timeout = "500ms";
        health.retries = "5";
        health.startPeriod = "2s";

        RunOptions options = map(c -> {
                    c.tmpfs = List.of("/tmp", "/run:size=64m");
                    c.memory = "512m";
                    c.memorySwap = "1g";
                    c.shmSize = "256m";
                    c.cpus = "1.5";
                    c.ulimits = List.of("nofile=1024:2048");
                    c.privileged = true;
                    c.init = true;
                    c.readOnly = true;
                    c.capAdd = List.of("NET_ADMIN");
                    c.capDrop = List.of("cap_mknod");
                    c.extraHosts = List.of("outside:host-gateway");
                    c.platform = "linux/amd64";
                    c.hostname = "box";
                    c.user = "1000:1000";
                    c.workingDir = "/work";
                    c.networkAliases = List.of("cache", "store");
                    c.healthcheck = health;
                })
                .options();

        assertThat(options)
                .isEqualTo(new RunOptions(
                        List.of(new TmpfsMount("/tmp", ""), new TmpfsMount("/run", "size=64m")),
                        new ByteSize(512L * 1024 * 1024),
                        new ByteSize(1024L * 1024 * 1024),
                        new ByteSize(256L * 1024 * 1024),
                        new Cpus(1_500_000_000L),
                        List.of(new Ulimit("nofile", 1024, 2048)),
                        true,
                        true,
                        true,
                        List.of("NET_ADMIN"),
                        List.of("MKNOD"),
                        List.of(new ExtraHost("outside", "host-gateway")),
                        new Platform("linux", "amd64", null),
                        "box",
                        "1000:1000",
                        "/work",
                        List.of("cache", "store"),
                        new Healthcheck(
                                List.of("CMD-SHELL", "wget -q -O /dev/null localhost"),
                                Duration.ofSeconds(1),
                                Duration.ofMillis(500),
                                5,
                                Duration.ofSeconds(2)),
                        null));
    }

    @Test
    void theEnvFileIsReadRelativeToTheProjectAndEnvWinsOverIt() throws IOException {
        Files.writeString(baseDir.resolve("app.env"), "# for the app\nA=from file\nB=from file\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "from env");
        env.put("C", "from env");

        ContainerSpec spec = map(c -> {
            c.envFile = new File("app.env");
            c.env = env;
        });

        assertThat(spec.env())
                .containsExactly(Map.entry("A", "from file"), Map.entry("B", "from env"), Map.entry("C", "from env"));
    }

    @Test
    void aMissingEnvFileIsNamedWithItsPath() {
        Path missing = baseDir.resolve("missing.env");
        assertFails(
                "Container 'app': <envFile>" + missing + "</envFile> cannot be used: the file does not exist. Write"
                        + " one NAME=value per line (Docker's env-file format), or fix the path (relative to the"
                        + " project).",
                c -> c.envFile = new File("missing.env"));
    }

    @Test
    void aBadEnvFileLineIsNamedWithItsNumber() throws IOException {
        Files.writeString(baseDir.resolve("app.env"), "A=1\nMY VAR=2\n");
        assertFails(
                "Container 'app': <envFile>" + baseDir.resolve("app.env") + "</envFile> cannot be used: line 2"
                        + " 'MY VAR=2' is not NAME=value (a name has no spaces). Write one NAME=value per line"
                        + " (Docker's env-file format), or fix the path (relative to the project).",
                c -> c.envFile = new File("app.env"));
    }

    @Test
    void aMalformedSizeNamesTheElementAndTheValue() {
        assertFails(
                "Container 'app': <memory>12XB</memory> is not a size: expected bytes, or a number with the unit k,"
                        + " m, g or t, such as 512m or 2g.",
                c -> c.memory = "12XB");
        assertFails(
                "Container 'app': <shmSize>lots</shmSize> is not a size: expected bytes, or a number with the unit"
                        + " k, m, g or t, such as 512m or 2g.",
                c -> c.shmSize = "lots");
    }

    @Test
    void memoryBelowTheEnginesMinimumIsRefused() {
        assertFails(
                "Container 'app': <memory>1m</memory> is below 6m, the least the engine allows. Give it 6m or more.",
                c -> c.memory = "1m");
    }

    @Test
    void memorySwapNeedsMemoryAndAtLeastAsMuch() {
        assertFails(
                "Container 'app': <memorySwap>1g</memorySwap> limits memory and swap together, so it needs <memory>"
                        + " too. Add <memory>, e.g. <memory>512m</memory>.",
                c -> c.memorySwap = "1g");
        assertFails(
                "Container 'app': <memorySwap>256m</memorySwap> is below <memory>512m</memory>, but it counts memory"
                        + " and swap together. Make it at least as much as <memory>.",
                c -> {
                    c.memory = "512m";
                    c.memorySwap = "256m";
                });
    }

    @Test
    void cpusOfLotsIsRefused() {
        assertFails(
                "Container 'app': <cpus>lots</cpus> is not a number of CPUs: expected a decimal number of CPUs, such"
                        + " as 1 or 1.5.",
                c -> c.cpus = "lots");
    }

    @Test
    void anUlimitWithoutEqualsIsRefused() {
        assertFails(
                "Container 'app': <ulimit>nofile</ulimit> is not a resource limit: expected name=soft or"
                        + " name=soft:hard, such as nofile=65536:65536.",
                c -> c.ulimits = List.of("nofile"));
    }

    @Test
    void aPlatformThatIsNotOsSlashArchIsRefused() {
        assertFails(
                "Container 'app': <platform>amd64</platform> is not a platform: expected os/arch or os/arch/variant"
                        + " in lower case, such as linux/amd64 or linux/arm64/v8.",
                c -> c.platform = "amd64");
    }

    @Test
    void anExtraHostWithoutColonIsRefused() {
        assertFails(
                "Container 'app': <host>outside</host> is not a host entry: expected name:address, such as"
                        + " db.local:10.0.0.5 or host.docker.internal:host-gateway.",
                c -> c.extraHosts = List.of("outside"));
    }

    @Test
    void anUnknownCapabilityIsRefused() {
        assertFails(
                "Container 'app': <capAdd><cap>FLY</cap> is not a capability: it is not a Linux capability (see"
                        + " capabilities(7)), such as NET_ADMIN or SYS_TIME, nor ALL.",
                c -> c.capAdd = List.of("FLY"));
    }

    @Test
    void aTmpfsMountedTwiceOrRelativeIsRefused() {
        assertFails(
                "Container 'app': <tmpfs> mounts /tmp twice. Keep one <mount> for it.",
                c -> c.tmpfs = List.of("/tmp", "/tmp:size=1m"));
        assertFails(
                "Container 'app': <mount>tmp</mount> is not a tmpfs mount: expected an absolute path in the"
                        + " container, optionally followed by :options, such as /tmp or /run:size=64m,mode=1777.",
                c -> c.tmpfs = List.of("tmp"));
    }

    @Test
    void aRelativeWorkingDirIsRefused() {
        assertFails(
                "Container 'app': <workingDir>work</workingDir> is not a working directory: it must be an absolute"
                        + " path in the container, such as /work.",
                c -> c.workingDir = "work");
    }

    @Test
    void networkAliasesWithoutANetworkAreRefused() {
        assertFails(
                "Container 'app': <networkAliases> need a network, but the container runs with the network 'host'."
                        + " Remove <networkAliases>, or <network>.",
                c -> {
                    c.network = "host";
                    c.networkAliases = List.of("cache");
                });
    }

    @Test
    void aHealthcheckIntervalThatIsNotADurationIsRefused() {
        Container.Healthcheck health = new Container.Healthcheck();
        health.test = "true";
        health.interval = "often";
        assertFails(
                "Container 'app': <healthcheck><interval>often</interval> is not a duration: expected a duration such"
                        + " as 500ms, 3s, 1m or 1m30s.",
                c -> c.healthcheck = health);
    }

    @Test
    void healthcheckRetriesThatAreNotANumberAreRefused() {
        Container.Healthcheck health = new Container.Healthcheck();
        health.retries = "many";
        assertFails(
                "Container 'app': <healthcheck><retries>many</retries> is not a number of retries: expected a whole"
                        + " number, 0 or more, such as 3.",
                c -> c.healthcheck = health);
    }

    @Test
    void aHealthcheckOfNoneTurnsTheImagesCheckOff() {
        Container.Healthcheck health = new Container.Healthcheck();
        health.test = "NONE";

        assertThat(map(c -> c.healthcheck = health).options().healthcheck().disabled())
                .isTrue();
    }
}

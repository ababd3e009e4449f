package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types of the run options: what each accepts and the reason each gives for what it refuses. */
class RunOptionValuesTest {

    private static void refuses(Runnable parse, String reason) {
        assertThatThrownBy(parse::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void sizesAreBytesOrBinaryMultiplesAsDockerReadsThem() {
        assertThat(ByteSize.parse("1048576").bytes()).isEqualTo(1048576);
        assertThat(ByteSize.parse("512m").bytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSize.parse("2g").bytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(ByteSize.parse("2GB").bytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(ByteSize.parse("1.5k").bytes()).isEqualTo(1536);
        assertThat(ByteSize.parse(" 64 MiB ").bytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aSizeWithAnUnknownUnitOrOfNothingIsRefused() {
        String expected = "expected bytes, or a number with the unit k, m, g or t, such as 512m or 2g";
        refuses(() -> ByteSize.parse("12XB"), expected);
        refuses(() -> ByteSize.parse("-1"), expected);
        refuses(() -> ByteSize.parse("m"), expected);
        refuses(() -> ByteSize.parse("0"), "a size must be at least 1 byte");
        refuses(() -> ByteSize.parse("99999999999p"), "that is more bytes than the engine can take");
    }

    @Test
    void cpusAreADecimalNumberSentInBillionths() {
        assertThat(Cpus.parse("1.5").nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(Cpus.parse("2").nanoCpus()).isEqualTo(2_000_000_000L);
        assertThat(Cpus.parse(".25").nanoCpus()).isEqualTo(250_000_000L);
    }

    @Test
    void cpusThatAreNotAPositiveNumberAreRefused() {
        refuses(() -> Cpus.parse("lots"), "expected a decimal number of CPUs, such as 1 or 1.5");
        refuses(() -> Cpus.parse("1,5"), "expected a decimal number of CPUs, such as 1 or 1.5");
        refuses(() -> Cpus.parse("0.0"), "a container needs more than 0 CPUs");
    }

    @Test
    void anUlimitWithoutHardLimitGetsTheSoftOneAsHard() {
        assertThat(Ulimit.parse("nofile=1024")).isEqualTo(new Ulimit("nofile", 1024, 1024));
        assertThat(Ulimit.parse("nofile=1024:65536")).isEqualTo(new Ulimit("nofile", 1024, 65536));
        assertThat(Ulimit.parse("memlock=-1:-1")).isEqualTo(new Ulimit("memlock", -1, -1));
    }

    @Test
    void anUlimitWithoutEqualsOrOfAnUnknownNameOrAboveItsHardLimitIsRefused() {
        refuses(() -> Ulimit.parse("nofile"), "expected name=soft or name=soft:hard, such as nofile=65536:65536");
        refuses(
                () -> Ulimit.parse("files=10"),
                "'files' is not a limit; known limits are core, cpu, data, fsize, locks, memlock, msgqueue, nice,"
                        + " nofile, nproc, rss, rtprio, rttime, sigpending, stack");
        refuses(() -> Ulimit.parse("nofile=2048:1024"), "the soft limit 2048 is above the hard limit 1024");
    }

    @Test
    void aPlatformIsOsArchAndAnOptionalVariant() {
        assertThat(Platform.parse("linux/amd64")).isEqualTo(new Platform("linux", "amd64", null));
        assertThat(Platform.parse("linux/arm64/v8").toString()).isEqualTo("linux/arm64/v8");
    }

    @Test
    void aPlatformThatIsNotOsSlashArchIsRefused() {
        String expected = "expected os/arch or os/arch/variant in lower case, such as linux/amd64 or linux/arm64/v8";
        refuses(() -> Platform.parse("amd64"), expected);
        refuses(() -> Platform.parse("linux/amd64/v8/x"), expected);
        refuses(() -> Platform.parse("Linux/AMD64"), expected);
    }

    @Test
    void anExtraHostIsANameAndAnAddressOrTheHostGateway() {
        assertThat(ExtraHost.parse("db.local:10.0.0.5")).isEqualTo(new ExtraHost("db.local", "10.0.0.5"));
        assertThat(ExtraHost.parse("v6:fe80::1").address()).isEqualTo("fe80::1");
        assertThat(ExtraHost.parse("host.docker.internal:host-gateway").toString())
                .isEqualTo("host.docker.internal:host-gateway");
    }

    @Test
    void anExtraHostWithoutColonOrWithANameForAddressIsRefused() {
        refuses(
                () -> ExtraHost.parse("db.local"),
                "expected name:address, such as db.local:10.0.0.5 or host.docker.internal:host-gateway");
        refuses(() -> ExtraHost.parse("db:example.com"), "'example.com' is neither an IP address nor host-gateway");
        refuses(() -> ExtraHost.parse("db:300.1.1.1"), "'300.1.1.1' is neither an IP address nor host-gateway");
        refuses(() -> ExtraHost.parse(":10.0.0.5"), "'' is not a host name");
    }

    @Test
    void aTmpfsMountIsAnAbsolutePathWithOptionalOptions() {
        assertThat(TmpfsMount.parse("/tmp")).isEqualTo(new TmpfsMount("/tmp", ""));
        assertThat(TmpfsMount.parse("/run:size=64m,mode=1777")).isEqualTo(new TmpfsMount("/run", "size=64m,mode=1777"));
        refuses(
                () -> TmpfsMount.parse("tmp"),
                "expected an absolute path in the container, optionally followed by :options, such as /tmp or"
                        + " /run:size=64m,mode=1777");
    }

    @Test
    void capabilitiesLoseTheirPrefixAndAreUpperCase() {
        assertThat(Capabilities.parse("net_admin")).isEqualTo("NET_ADMIN");
        assertThat(Capabilities.parse("CAP_SYS_TIME")).isEqualTo("SYS_TIME");
        assertThat(Capabilities.parse("ALL")).isEqualTo("ALL");
        refuses(
                () -> Capabilities.parse("FLY"),
                "it is not a Linux capability (see capabilities(7)), such as NET_ADMIN or SYS_TIME, nor ALL");
    }

    @Test
    void aHealthcheckTestRunsInAShellUnlessItIsNone() {
        assertThat(Healthcheck.test(" wget -q localhost ")).containsExactly("CMD-SHELL", "wget -q localhost");
        assertThat(Healthcheck.test("NONE")).containsExactly("NONE");
        assertThat(new Healthcheck(Healthcheck.test("NONE"), null, null, null, null).disabled())
                .isTrue();
        assertThat(Healthcheck.checkDuration(Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
        refuses(() -> Healthcheck.checkDuration(Duration.ZERO), "it must be at least 1ms");
    }

    @Test
    void anEnvFileTakesValuesAsWrittenSkipsCommentsAndLaterLinesWin() {
        Map<String, String> env = EnvFile.parse(
                List.of("# comment", "", "  A=1", "B=\"quoted\" value ", "C=", "A=2", "FROM_BUILD", "UNSET"),
                name -> name.equals("FROM_BUILD") ? "from the build" : null);

        assertThat(env)
                .containsExactly(
                        Map.entry("A", "2"),
                        Map.entry("B", "\"quoted\" value "),
                        Map.entry("C", ""),
                        Map.entry("FROM_BUILD", "from the build"));
    }

    @Test
    void anEnvFileLineWithoutNameOrWithASpaceInTheNameIsRefusedWithItsNumber() {
        refuses(
                () -> EnvFile.parse(List.of("A=1", "=2"), name -> null),
                "line 2 '=2' is not NAME=value (no name before '=')");
        refuses(
                () -> EnvFile.parse(List.of("MY VAR=1"), name -> null),
                "line 1 'MY VAR=1' is not NAME=value (a name has no spaces)");
    }

    @Test
    void aMissingEnvFileIsSaidToBeMissing() {
        refuses(
                () -> EnvFile.read(java.nio.file.Path.of("/no/such/dir/app.env"), name -> null),
                "the file does not exist");
    }
}

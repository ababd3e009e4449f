package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads each run option back from the engine with docker inspect while the containers run. */
class RunOptionsIT {

    private static final String OPTS = System.getProperty("opts.id");
    private static final String PRIV = System.getProperty("priv.id");

    /** The Go template {@code format} of docker inspect, applied to the container {@code id}. */
    private static String inspect(String id, String format) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "inspect", "--format", format, id)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void resourcesReachTheEngine() throws Exception {
        assertEquals("67108864", inspect(OPTS, "{{.HostConfig.Memory}}"));
        assertEquals("134217728", inspect(OPTS, "{{.HostConfig.MemorySwap}}"));
        assertEquals("33554432", inspect(OPTS, "{{.HostConfig.ShmSize}}"));
        assertEquals("500000000", inspect(OPTS, "{{.HostConfig.NanoCpus}}"));
        assertEquals("nofile 1024 2048", inspect(OPTS, "{{range .HostConfig.Ulimits}}{{.Name}} {{.Soft}} {{.Hard}}{{end}}"));
        assertEquals("{\"/run\":\"size=16m\",\"/tmp\":\"\"}", inspect(OPTS, "{{json .HostConfig.Tmpfs}}"));
    }

    @Test
    void privilegesReachTheEngine() throws Exception {
        assertEquals("true true false", inspect(OPTS, "{{.HostConfig.Init}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}"));
        assertEquals("[\"NET_ADMIN\"] [\"MKNOD\"]", inspect(OPTS, "{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}"));
    }

    @Test
    void namesAndPlacesReachTheEngine() throws Exception {
        assertEquals("[\"db.local:10.0.0.5\",\"outside:host-gateway\"]", inspect(OPTS, "{{json .HostConfig.ExtraHosts}}"));
        assertEquals("optbox|1000:1000|/home", inspect(OPTS, "{{.Config.Hostname}}|{{.Config.User}}|{{.Config.WorkingDir}}"));
        String aliases = inspect(OPTS, "{{range .NetworkSettings.Networks}}{{json .Aliases}}{{end}}");
        assertTrue(aliases.startsWith("[\"opts\",\"cache\",\"store\""), aliases);
    }

    @Test
    void theEnvFileIsReadAndEnvWinsOverIt() throws Exception {
        List<String> env = List.of(inspect(OPTS, "{{range .Config.Env}}{{println .}}{{end}}").split("\n"));
        assertTrue(env.contains("FROM_FILE=from-file"), env.toString());
        assertEquals(List.of("BOTH=from-pom"), env.stream().filter(e -> e.startsWith("BOTH=")).toList());
    }

    @Test
    void theHealthcheckReplacesTheImagesAndRunWaitedUntilHealthy() throws Exception {
        assertEquals(
                "{\"Test\":[\"CMD-SHELL\",\"test -f /tmp/healthy\"],\"Interval\":1000000000,\"Timeout\":2000000000,"
                        + "\"StartPeriod\":10000000000,\"Retries\":4}",
                inspect(OPTS, "{{json .Config.Healthcheck}}"));
        assertEquals("healthy", inspect(OPTS, "{{.State.Health.Status}}"));
    }

    @Test
    void aHealthcheckOfNoneTurnsTheImagesOff() throws Exception {
        assertEquals("[\"NONE\"]", inspect(PRIV, "{{json .Config.Healthcheck.Test}}"));
        assertEquals("<nil>", inspect(PRIV, "{{.State.Health}}"));
    }
}

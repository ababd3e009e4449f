package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoRunsIT {

    private static final String PROJECT = "label=io.github.dockmaven.project=io.github.dockmaven.it:two-run-executions";

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "docker";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).sorted().toList();
    }

    @Test
    void eachExecutionHasItsOwnContainerNetworkAndVolume() throws Exception {
        List<String> containers = lines(docker(
                "ps",
                "--filter",
                PROJECT,
                "--format",
                "{{.Label \"io.github.dockmaven.execution\"}} {{.Label \"io.github.dockmaven.alias\"}} {{.Names}}"));
        assertEquals(4, containers.size(), containers.toString());
        assertTrue(
                containers.get(0).matches("first peer two-run-executions-first-peer-[0-9a-f]{8}"), containers.get(0));
        assertTrue(containers.get(1).matches("first svc two-run-executions-first-svc-[0-9a-f]{8}"), containers.get(1));
        assertTrue(
                containers.get(2).matches("second peer two-run-executions-second-peer-[0-9a-f]{8}"), containers.get(2));
        assertTrue(
                containers.get(3).matches("second svc two-run-executions-second-svc-[0-9a-f]{8}"), containers.get(3));

        List<String> networks = lines(docker("network", "ls", "--filter", PROJECT, "--format", "{{.Name}}"));
        assertEquals(2, networks.size(), networks.toString());
        assertTrue(networks.get(0).matches("two-run-executions-first-net-[0-9a-f]{8}"), networks.get(0));
        assertTrue(networks.get(1).matches("two-run-executions-second-net-[0-9a-f]{8}"), networks.get(1));

        List<String> volumes = lines(docker("volume", "ls", "--filter", PROJECT, "--format", "{{.Name}}"));
        assertEquals(2, volumes.size(), volumes.toString());
        assertTrue(volumes.get(0).matches("two-run-executions-first-vol-data-[0-9a-f]{8}"), volumes.get(0));
        assertTrue(volumes.get(1).matches("two-run-executions-second-vol-data-[0-9a-f]{8}"), volumes.get(1));
    }

    @Test
    void theLaterExecutionsPropertiesWinForASharedAlias() {
        assertTrue(System.getProperty("svc.name").matches("two-run-executions-second-svc-[0-9a-f]{8}"));
    }
}

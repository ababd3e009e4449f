package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JoinIT {

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "docker";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void joinerIsOnTheTwoExistingNetworksOnly() throws Exception {
        assertEquals(
                "dock-it-joined-net dock-it-joined-other",
                docker(
                        "inspect",
                        "-f",
                        "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}",
                        System.getProperty("joiner.id")));
        assertEquals(
                "",
                docker(
                        "network",
                        "ls",
                        "-q",
                        "--filter",
                        "label=io.github.dockmaven.project=io.github.dockmaven.it:network-join-existing"));
    }

    @Test
    void theForeignServerReachesJoinerByItsAlias() throws Exception {
        assertEquals("joiner-data", docker("exec", "dock-it-joined-peer", "wget", "-q", "-O-", "http://joiner:8080/"));
    }

    @Test
    void theExportedIpIsJoinersAddressOnTheFirstNetwork() throws Exception {
        String ip = System.getProperty("joiner.ip");
        assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), ip);
        assertEquals(
                ip,
                docker(
                        "inspect",
                        "-f",
                        "{{(index .NetworkSettings.Networks \"dock-it-joined-net\").IPAddress}}",
                        System.getProperty("joiner.id")));
    }
}

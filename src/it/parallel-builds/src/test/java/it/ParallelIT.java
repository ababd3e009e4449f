package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ParallelIT {

    private static final long PATIENCE_MS = 240_000;

    private final String marker = System.getProperty("marker");
    private final int builds = Integer.parseInt(System.getProperty("builds"));

    @Test
    void eachBuildReachesItsOwnContainersWhileTheOtherBuildsRunAndStop() throws Exception {
        assertEquals(marker + "\n", ownPage());
        if (builds == 1) {
            return;
        }
        awaitRunningWebs(n -> n >= builds, "every build's 'web' running at once");
        assertEquals(marker + "\n", ownPage());
        // Each build says it saw them all; the first stops only once every build has, or a later build's IT, started
        // after that stop on a slow machine, would wait in vain for all of them at once.
        Path rendezvous = Path.of(System.getProperty("rendezvous"));
        Files.writeString(rendezvous.resolve(marker + ".saw-all"), "");
        if (Boolean.parseBoolean(System.getProperty("first"))) {
            awaitFiles(rendezvous, builds);
        } else {
            // The first build has stopped by now: its stop must have left this build's containers alone.
            awaitRunningWebs(n -> n < builds, "another build to stop its 'web'");
            assertEquals(marker + "\n", ownPage());
            assertEquals("true", docker("inspect", "-f", "{{.State.Running}}", System.getProperty("web.id")));
        }
    }

    private String ownPage() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(System.getProperty("web.url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static void awaitFiles(Path rendezvous, int count) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        long seen = 0;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(rendezvous)) {
                seen = files.filter(f -> f.getFileName().toString().endsWith(".saw-all")).count();
            }
            if (seen >= count) {
                return;
            }
            Thread.sleep(250);
        }
        fail("Waited " + PATIENCE_MS / 1000 + "s for every build to see all of them running; " + seen + " did");
    }

    private static void awaitRunningWebs(IntPredicate condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        int running = -1;
        while (System.currentTimeMillis() < deadline) {
            String ids = docker(
                    "ps",
                    "-q",
                    "--filter",
                    "label=io.github.dockmaven.project=io.github.dockmaven.it:parallel-builds",
                    "--filter",
                    "label=io.github.dockmaven.alias=web");
            running = ids.isEmpty() ? 0 : ids.split("\\s+").length;
            if (condition.test(running)) {
                return;
            }
            Thread.sleep(250);
        }
        fail("Waited " + PATIENCE_MS / 1000 + "s for " + what + "; running: " + running);
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "docker";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}

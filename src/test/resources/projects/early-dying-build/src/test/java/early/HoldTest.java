package early;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs while Maven runs the unit tests, long before dock:run: waits until the containers the plugin started early run
 * and app answers, says so in the file unit-tests-started, and holds until the file release appears (at most two
 * minutes each).
 */
class HoldTest {

    private static final long LIMIT_MILLIS = 120_000;
    // The first binding, 0.0.0.0's: Docker 20.10 may publish [::] on another port, which localhost need not reach.
    private static final Pattern APP_PORT = Pattern.compile("^app .*?0\\.0\\.0\\.0:(\\d+)->8080/tcp");

    @Test
    void holdsWhileTheEarlyContainersRun() throws Exception {
        String project = System.getProperty("hold.project");
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!appAnswers(running(project))) {
            assertTrue(System.currentTimeMillis() < deadline, "db and app of " + project + " not up within two minutes");
            Thread.sleep(100);
        }
        Path markers = Path.of(System.getProperty("hold.markers"));
        Files.writeString(markers.resolve("unit-tests-started"), "started");
        deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!Files.exists(markers.resolve("release"))) {
            assertTrue(System.currentTimeMillis() < deadline, "not released within two minutes");
            Thread.sleep(100);
        }
    }

    /** The project's running containers, one line each: alias and published ports. */
    private static List<String> running(String project) throws IOException, InterruptedException {
        Process docker = new ProcessBuilder(
                        "docker", "ps",
                        "--filter", "label=io.github.dockmaven.project=" + project,
                        "--filter", "status=running",
                        "--format", "{{.Label \"io.github.dockmaven.alias\"}} {{.Ports}}")
                .redirectErrorStream(true)
                .start();
        String output = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, docker.waitFor(), "docker ps failed: " + output);
        return output.lines().toList();
    }

    /** Whether db runs and app answers on its published port, as the plugin's wait for it asks. */
    private static boolean appAnswers(List<String> running) throws InterruptedException {
        Optional<Matcher> app = running.stream()
                .map(APP_PORT::matcher)
                .filter(Matcher::find)
                .findFirst();
        if (running.stream().noneMatch(line -> line.startsWith("db ")) || app.isEmpty()) {
            return false;
        }
        URI uri = URI.create("http://localhost:" + app.get().group(1) + "/");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().equals("app-up\n");
        } catch (IOException notYet) {
            return false;
        }
    }
}

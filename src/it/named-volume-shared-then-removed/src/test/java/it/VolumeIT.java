package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VolumeIT {

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "docker";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private static String mounts(String id) throws Exception {
        return docker("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}}{{end}}", id);
    }

    @Test
    void writerAndReaderMountOneVolumeOfThisBuildCarryingOurLabels() throws Exception {
        String reader = mounts(System.getProperty("reader.id"));
        assertTrue(
                reader.matches("volume named-volume-shared-then-removed-vol-data-[0-9a-f]{8} /data"), reader);
        assertEquals(reader, mounts(System.getProperty("writer.id")));

        String volume = reader.split(" ")[1];
        assertEquals(
                "true io.github.dockmaven.it:named-volume-shared-then-removed",
                docker(
                        "volume",
                        "inspect",
                        "-f",
                        "{{index .Labels \"io.github.dockmaven.managed\"}} {{index .Labels \"io.github.dockmaven.project\"}}",
                        volume));
        Files.writeString(Path.of(System.getProperty("volume.file")), volume);
    }
}

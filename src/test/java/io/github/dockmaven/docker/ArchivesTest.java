package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar streams of copyIn and copyOut: named as the target asks, without an engine. */
class ArchivesTest {

    @TempDir
    Path dir;

    /** Each entry as {@code <name> <octal mode> <uid>}, to its content ({@code <dir>} for a folder). */
    private static Map<String, String> entries(Path tar) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar);
                TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                String content =
                        entry.isDirectory() ? "<dir>" : new String(archive.readAllBytes(), StandardCharsets.UTF_8);
                entries.put(
                        entry.getName() + " " + Integer.toOctalString(entry.getMode() & 0777) + " "
                                + entry.getLongUserId(),
                        content);
            }
        }
        return entries;
    }

    @Test
    void aFileGoesInUnderTheNameItMustGetOwnedByRootWithItsPermissions() throws IOException {
        Path script = Files.writeString(dir.resolve("init.sh"), "echo init\n");
        script.toFile().setExecutable(true, true);
        Path tar = dir.resolve("out.tar");

        Archives.pack(script, "docker-entrypoint-initdb.d/10-init.sh", tar);

        assertThat(entries(tar))
                .containsExactly(Map.entry("docker-entrypoint-initdb.d/10-init.sh 744 0", "echo init\n"));
    }

    @Test
    void aFolderGoesInWithItsContentBelowTheNewName() throws IOException {
        Path seed = Files.createDirectories(dir.resolve("seed/sub"));
        Files.writeString(dir.resolve("seed/a.txt"), "a");
        Files.writeString(seed.resolve("b.txt"), "b");
        Path tar = dir.resolve("out.tar");

        Archives.pack(dir.resolve("seed"), "opt/data", tar);

        assertThat(entries(tar).keySet())
                .extracting(key -> key.substring(0, key.indexOf(' ')))
                .containsExactly("opt/data/", "opt/data/a.txt", "opt/data/sub/", "opt/data/sub/b.txt");
    }

    private static InputStream engineTar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String name = namesAndContents[i];
                String content = namesAndContents[i + 1];
                TarArchiveEntry entry = new TarArchiveEntry(name);
                if (content == null) {
                    tar.putArchiveEntry(entry);
                } else {
                    byte[] data = content.getBytes(StandardCharsets.UTF_8);
                    entry.setSize(data.length);
                    entry.setMode(name.endsWith(".sh") ? 0100755 : 0100644);
                    tar.putArchiveEntry(entry);
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void whatComesOutIsUnpackedWithItsTopEntryRenamedToTheTarget() throws IOException {
        Path target = dir.resolve("target/logs-of-app");

        Archives.unpack(engineTar("log/", null, "log/app.log", "started\n", "log/run.sh", "#!/bin/sh\n"), target);

        assertThat(target.resolve("app.log")).hasContent("started");
        assertThat(Files.isExecutable(target.resolve("run.sh"))).isTrue();
        assertThat(Files.isExecutable(target.resolve("app.log"))).isFalse();
    }

    @Test
    void aSingleFileComesOutUnderTheTargetsNameReplacingWhatIsThere() throws IOException {
        Path target =
                Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("dump-1.sql"), "old");

        Archives.unpack(engineTar("dump.sql", "new"), target);

        assertThat(target).hasContent("new");
    }

    @Test
    void anEntryThatWouldLandOutsideTheTargetIsRefused() {
        assertThatThrownBy(() -> Archives.unpack(engineTar("log/", null, "log/../../evil", "x"), dir.resolve("logs")))
                .isInstanceOf(IOException.class)
                .hasMessage("the archive holds log/../../evil, outside of what was asked for");
    }
}

package io.github.dockmaven.core.start;

import io.github.dockmaven.core.BuildFailure;
import io.github.dockmaven.core.CopyEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a reused container's {@code <copyIn>} entries copy, for its {@link Fingerprint}: each file's content hash by
 * its path under the entry's source. Content rather than sizes and times, so that an edited init script replaces the
 * container and a checkout that only touched it does not; copied files are small (scripts, configuration).
 */
final class CopyInContent {

    private CopyInContent() {}

    /** Per entry ({@code from -> to}), the SHA-256 of each file it copies, by relative path. */
    static Map<String, Map<String, String>> of(List<CopyEntry> entries) {
        Map<String, Map<String, String>> content = new LinkedHashMap<>();
        for (CopyEntry entry : entries) {
            content.put(entry.describe(), files(entry));
        }
        return content;
    }

    private static Map<String, String> files(CopyEntry entry) {
        Path source = Path.of(entry.from());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(source.relativize(file).toString().replace('\\', '/'), digest(file));
            }
        } catch (IOException e) {
            throw new BuildFailure("Cannot read the <copyIn> source " + entry.from() + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static String digest(Path file) throws IOException {
        MessageDigest digest = Fingerprint.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

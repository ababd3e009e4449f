package io.github.dockmaven.docker;

import io.github.dockmaven.core.EngineException;
import io.github.dockmaven.core.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies files into and out of a container through the engine's archive API, so that it works where bind mounts do
 * not (a remote or TLS engine). The engine speaks tar: what goes in is packed here under the name it must get, and
 * unpacked by the engine at {@code /}, which creates missing parent folders (a symbolic link goes in as what it points
 * to); what comes out is unpacked here as it
 * arrives, its top entry renamed to the host path asked for. Files go in owned by root, with their host permissions,
 * as {@code docker cp} does.
 */
final class Archives {

    private final EngineClients clients;

    Archives(EngineClients clients) {
        this.clients = clients;
    }

    /** See {@link io.github.dockmaven.core.Engine#copyIn}. */
    void copyIn(String id, Path source, String target) {
        String attempt = "Could not copy " + source + " to " + target + " in container " + Ids.shortId(id);
        Path tar = null;
        try {
            tar = Files.createTempFile("dock-copy-in", ".tar");
            pack(source, target.replaceAll("^/+|/+$", ""), tar);
            Path packed = tar;
            clients.request(attempt, c -> {
                try (InputStream in = Files.newInputStream(packed)) {
                    return c.copyArchiveToContainerCmd(id)
                            .withRemotePath("/")
                            .withTarInputStream(in)
                            .exec();
                } catch (IOException e) {
                    throw new EngineException(attempt + ": " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new EngineException(attempt + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tar);
        }
    }

    /** See {@link io.github.dockmaven.core.Engine#copyOut}. */
    void copyOut(String id, String source, Path target) {
        String attempt = "Could not copy " + source + " of container " + Ids.shortId(id) + " to " + target;
        clients.request(attempt, c -> {
            try (InputStream in = c.copyArchiveFromContainerCmd(id, source).exec()) {
                unpack(in, target);
                return null;
            } catch (IOException e) {
                throw new EngineException(attempt + ": " + e.getMessage(), e);
            }
        });
    }

    /** Packs the file or folder {@code source} into {@code tar}, named {@code name} (a folder's content below it). */
    static void pack(Path source, String name, Path tar) throws IOException {
        try (OutputStream out = Files.newOutputStream(tar);
                TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            archive.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(source)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String relative = source.relativize(path).toString().replace('\\', '/');
                String entryName = relative.isEmpty() ? name : name + "/" + relative;
                TarArchiveEntry entry = new TarArchiveEntry(path, entryName);
                entry.setIds(0, 0);
                entry.setNames("root", "root");
                entry.setMode(mode(path, entry.getMode()));
                archive.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) {
                    Files.copy(path, archive);
                }
                archive.closeArchiveEntry();
            }
        }
    }

    /**
     * Unpacks the engine's tar stream of one file or folder so that it becomes {@code target}: the stream's top entry
     * is renamed, files already there are overwritten. Entries that would land outside {@code target} are refused.
     */
    static void unpack(InputStream in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        TarArchiveInputStream archive = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            String name = entry.getName().replaceAll("^/+|/+$", "");
            int slash = name.indexOf('/');
            Path path = (slash < 0 ? root : root.resolve(name.substring(slash + 1))).normalize();
            if (!path.startsWith(root)) {
                throw new IOException("the archive holds " + entry.getName() + ", outside of what was asked for");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.deleteIfExists(path);
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.createDirectories(path.getParent());
                Files.copy(archive, path, StandardCopyOption.REPLACE_EXISTING);
                setExecutable(path, entry.getMode());
            }
        }
    }

    /** The tar mode of {@code path}: its POSIX permissions where the file system has them, else {@code fallback}. */
    private static int mode(Path path, int fallback) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return fallback;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return (fallback & ~0777) | bits;
    }

    /** Keeps a script that was executable in the container executable on the host. */
    private static void setExecutable(Path path, int mode) {
        if ((mode & 0100) != 0) {
            path.toFile().setExecutable(true, (mode & 0011) == 0);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file left in the temp folder is harmless
            }
        }
    }
}

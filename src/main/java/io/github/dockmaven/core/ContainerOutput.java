package io.github.dockmaven.core;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Where a container's output goes: the console, each line prefixed with the alias, and {@code <alias>.log} in the log
 * directory. Lines arrive whole, so they never interleave mid-line with other output. In a build of several modules
 * (where {@code -T} interleaves them) the prefix names the module too, {@code [web/db]} and {@code [api/db]}: modules
 * often share aliases. The log files need no such name, each module has its own log directory.
 */
public final class ContainerOutput implements Consumer<LogLine>, Closeable {

    private final String alias;
    private final String prefix;
    private final Console console;
    private final boolean toConsole;
    private final Path file;
    private BufferedWriter writer;
    private Path heldFile;
    private boolean closed;

    /**
     * @param alias the container's alias
     * @param module the module the container belongs to, when the build has several modules; else null
     * @param console the console
     * @param toConsole whether lines are shown on the console
     * @param logDir the directory for {@code <alias>.log}, or null for no file
     */
    public ContainerOutput(String alias, String module, Console console, boolean toConsole, Path logDir) {
        this(alias, module, console, toConsole, logDir, false);
    }

    private ContainerOutput(
            String alias, String module, Console console, boolean toConsole, Path logDir, boolean held) {
        this.alias = alias;
        this.prefix = "[" + (module == null ? alias : module + "/" + alias) + "] ";
        this.console = console;
        this.toConsole = toConsole;
        this.file = logDir == null ? null : logDir.resolve(alias + ".log");
        if (file != null) {
            try {
                if (held) {
                    heldFile = Files.createTempFile("dock-" + alias + "-", ".log");
                    heldFile.toFile().deleteOnExit();
                    writer = Files.newBufferedWriter(heldFile, StandardCharsets.UTF_8);
                } else {
                    Files.createDirectories(logDir);
                    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                console.warn("Cannot write the output of '" + alias + "' to " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * An output whose lines go to a temporary file until {@link #release}, which moves them to {@code
     * <alias>.log} in {@code logDir}; the parameters are the other constructor's.
     */
    public static ContainerOutput held(String alias, String module, Console console, boolean toConsole, Path logDir) {
        return new ContainerOutput(alias, module, console, toConsole, logDir, true);
    }

    /**
     * Moves what a {@linkplain #held held} output wrote so far to its log file, where it goes on writing; does nothing
     * for an output that is not held (any more). Also after {@link #close}: the file then holds all there was.
     */
    public synchronized void release() {
        if (heldFile == null) {
            return;
        }
        Path from = heldFile;
        heldFile = null;
        boolean open = writer != null;
        closeQuietly();
        try {
            // copied into a file created as any other: not moved, a temporary file's permissions are the owner's only
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                Files.copy(from, out);
            }
            Files.deleteIfExists(from);
            if (open && !closed) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            console.warn("Cannot write the output of '" + alias + "' to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void accept(LogLine line) {
        if (closed) {
            return;
        }
        if (toConsole) {
            console.info(prefix + line.text());
        }
        if (writer != null) {
            try {
                writer.write(line.text());
                writer.newLine();
                writer.flush();
            } catch (IOException e) {
                console.warn("Cannot write the output of '" + alias + "' to " + file + ": " + e.getMessage());
                closeQuietly();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // Nothing more to write; a failed close loses no line we had flushed.
            }
            writer = null;
        }
    }
}

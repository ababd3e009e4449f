package io.github.dockmaven.core;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private boolean closed;

    /**
     * @param alias the container's alias
     * @param module the module the container belongs to, when the build has several modules; else null
     * @param console the console
     * @param toConsole whether lines are shown on the console
     * @param logDir the directory for {@code <alias>.log}, or null for no file
     */
    public ContainerOutput(String alias, String module, Console console, boolean toConsole, Path logDir) {
        this.alias = alias;
        this.prefix = "[" + (module == null ? alias : module + "/" + alias) + "] ";
        this.console = console;
        this.toConsole = toConsole;
        this.file = logDir == null ? null : logDir.resolve(alias + ".log");
        if (file != null) {
            try {
                Files.createDirectories(logDir);
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                console.warn("Cannot write the output of '" + alias + "' to " + file + ": " + e.getMessage());
            }
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

package io.github.dockmaven.watchdog;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.docker.EngineEndpoint;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Maven side of the {@link Watchdog}: starts it with the same {@code java} as Maven and the plugin's class path,
 * holds the write end of its control pipe, and tells it what to keep and when the build ended cleanly.
 */
public final class WatchdogProcess {

    private final Process process;
    private final OutputStream control;
    private boolean closed;

    private WatchdogProcess(Process process) {
        this.process = process;
        this.control = process.getOutputStream();
    }

    /**
     * Starts a watchdog for one Maven session. It reports on this process's standard error; whether it came up is
     * reported on {@code console} from a background thread (a warning if it did not).
     *
     * @param classpath the plugin's jar and its runtime dependencies
     * @param session the session's id, as in the {@code io.github.dockmaven.session} label
     * @param endpoint where the engine is, exactly as Maven reaches it
     * @param giveUpAfter how long the watchdog keeps asking an engine that does not answer
     * @param console where Maven reports whether the watchdog came up
     * @throws IOException when the process cannot be started
     */
    public static WatchdogProcess start(
            List<Path> classpath, String session, EngineEndpoint endpoint, Duration giveUpAfter, Console console)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                javaCommand().toString(),
                // small and quick to start: it only waits, and then sends a few requests
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Ddock.watchdog.session=" + session,
                Watchdog.class.getName(),
                "--pid",
                Long.toString(ProcessHandle.current().pid()),
                "--session",
                session,
                "--host",
                endpoint.host(),
                "--give-up-after",
                giveUpAfter.toMillis() + "ms"));
        if (endpoint.tlsCertDir() != null) {
            command.add("--tls");
            command.add(endpoint.tlsCertDir().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        // the class path in the environment: no limit on the command line's length (Windows), none of it in ps
        env.put("CLASSPATH", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        // options meant for Maven's JVM (a debugger agent on a fixed port, say) would break this one
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        WatchdogProcess watchdog = new WatchdogProcess(builder.start());
        watchdog.awaitReadyInBackground(console);
        return watchdog;
    }

    /** The java executable that runs this JVM. */
    static Path javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .orElseGet(() -> Path.of(
                        System.getProperty("java.home"),
                        "bin",
                        System.getProperty("os.name", "")
                                        .toLowerCase(Locale.ROOT)
                                        .startsWith("windows")
                                ? "java.exe"
                                : "java"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Tells the watchdog never to remove these resources (container ids or names, network or volume names). */
    public synchronized void keep(Collection<String> idsOrNames) {
        StringBuilder lines = new StringBuilder();
        idsOrNames.forEach(id -> lines.append(Watchdog.KEEP).append(id).append('\n'));
        write(lines.toString());
    }

    /** The build ended and nothing of it is left: the watchdog exits without removing anything. */
    public synchronized void done() {
        write(Watchdog.DONE + "\n");
        release();
    }

    /**
     * Closes the pipe without {@code done}: once this JVM has gone, the watchdog removes what is left of the session.
     */
    public synchronized void release() {
        if (!closed) {
            closed = true;
            try {
                control.close();
            } catch (IOException ignored) {
                // a watchdog that is gone has no pipe to close
            }
        }
    }

    private void write(String text) {
        if (closed) {
            return;
        }
        try {
            control.write(text.getBytes(StandardCharsets.UTF_8));
            control.flush();
        } catch (IOException gone) {
            // the watchdog died; Maven's own cleanup is all there is now
            closed = true;
        }
    }

    private void awaitReadyInBackground(Console console) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line = out.readLine();
                        if (Watchdog.READY.equals(line)) {
                            console.debug("Started the watchdog (pid " + process.pid()
                                    + ") that removes this build's containers if Maven is killed");
                            return;
                        }
                    } catch (IOException e) {
                        // reported below, with the exit code
                    }
                    String status;
                    try {
                        status = process.waitFor(5, TimeUnit.SECONDS)
                                ? "it exited with code " + process.exitValue()
                                : "it does not answer";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        status = "interrupted";
                    }
                    console.warn("The watchdog that removes this build's containers if Maven is killed did not come up"
                            + " (" + status + "). If Maven is killed, the next dock:run of this project removes what"
                            + " it left.");
                },
                "dock-watchdog-handshake");
        thread.setDaemon(true);
        thread.start();
    }
}

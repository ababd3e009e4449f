package io.github.dockmaven.watchdog;

import io.github.dockmaven.core.Console;
import io.github.dockmaven.core.Durations;
import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.Owners;
import io.github.dockmaven.core.RemovalPolicy;
import io.github.dockmaven.core.Selection;
import io.github.dockmaven.core.Teardown;
import io.github.dockmaven.core.TeardownReport;
import io.github.dockmaven.docker.DockerJavaEngine;
import io.github.dockmaven.docker.EngineEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The watchdog: a small process that {@code dock:run} starts once per Maven session, from the plugin's own class path,
 * and that removes what the session created in the lifecycle when the Maven process dies without saying goodbye
 * (SIGKILL, the OOM killer, a crash of the JVM).
 *
 * <p>Its standard input is a pipe from the Maven JVM, which only the operating system closes when that process dies.
 * Maven writes {@code keep <id or name>} for each resource that must survive the build ({@code dock.keep}) and {@code
 * done} when it ends with nothing of the session left; then the watchdog exits without touching anything. When the
 * pipe ends without {@code done}, the watchdog waits until the Maven process is gone (a process that is still running
 * is never cleaned up after), then kills and removes every container, network and volume labelled with the session in
 * the lifecycle mode, through the engine endpoint Maven used, and exits. An engine that does not answer is asked again
 * until {@code --give-up-after}. It ignores SIGINT, SIGTERM and SIGHUP, which a terminal or a CI runner sends to the
 * whole process group: it has to outlive Maven by the few seconds its job takes.
 *
 * <p>Usage: {@code java -cp <plugin class path> io.github.dockmaven.watchdog.Watchdog --pid <Maven pid> --session
 * <build id> --host <engine address> [--tls <certificate directory>] [--give-up-after <duration>]}. It prints {@code
 * ready} on its standard output once it watches, and its reports on its standard error.
 */
public final class Watchdog {

    /** The line Maven writes when the build ended and nothing of it is left. */
    static final String DONE = "done";
    /** The prefix of a line naming a resource that must be kept: a container id or name, a network or volume name. */
    static final String KEEP = "keep ";
    /** What the watchdog prints on its standard output once it watches. */
    static final String READY = "ready";

    static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(2);
    /** How long a creation that the dying Maven had sent may take to land, so that it is removed too. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final String PREFIX = "[dock watchdog] ";
    private static final long POLL_MILLIS = 500;

    private final Supplier<Engine> connect;
    private final long mavenPid;
    private final String session;
    private final Duration giveUpAfter;
    private final Duration settle;
    private final PrintStream log;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final CountDownLatch pipeEnded = new CountDownLatch(1);
    private volatile boolean done;

    /**
     * @param connect opens the engine client, on the first need of it
     */
    Watchdog(
            Supplier<Engine> connect,
            long mavenPid,
            String session,
            Duration giveUpAfter,
            Duration settle,
            PrintStream log) {
        this.connect = connect;
        this.mavenPid = mavenPid;
        this.session = session;
        this.giveUpAfter = giveUpAfter;
        this.settle = settle;
        this.log = log;
    }

    /** Runs the watchdog; see the class documentation. */
    public static void main(String[] args) {
        ignoreTerminalSignals();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(PREFIX + e.getMessage());
            System.exit(2);
            return;
        }
        // No engine client until there is something to remove: loading it costs a second of CPU, which a build that
        // ends well (nearly all of them) would pay on its way to its first container.
        EngineEndpoint endpoint = new EngineEndpoint(arguments.host, arguments.tls, "the watchdog's --host");
        PrintStream log = System.err;
        // The engine client's logging façade prints a notice when it finds no logging backend, as in this process
        // ("SLF4J: Failed to load class ..."); standard error is the terminal Maven ran in, which it would clutter.
        System.setErr(new PrintStream(
                new LineFilter(log, line -> !line.startsWith("SLF4J: ")), true, StandardCharsets.UTF_8));
        Watchdog watchdog = new Watchdog(
                () -> new DockerJavaEngine(endpoint),
                arguments.pid,
                arguments.session,
                arguments.giveUpAfter,
                SETTLE,
                log);
        int status = watchdog.watch(System.in, () -> {
            System.out.println(READY);
            System.out.flush();
        });
        System.exit(status);
    }

    /**
     * Watches until Maven ends; returns 0 when Maven said {@code done} or everything left was removed, 1 when
     * something could not be removed.
     *
     * @param control the pipe from Maven
     * @param ready called once the watchdog watches
     */
    int watch(InputStream control, Runnable ready) {
        Thread reader = new Thread(() -> read(control), "dock-watchdog-pipe");
        reader.setDaemon(true);
        reader.start();
        Optional<ProcessHandle> maven = ProcessHandle.of(mavenPid);
        ready.run();
        try {
            // the pipe ends when Maven dies; the process check covers a pipe that a stray descendant keeps open
            while (!pipeEnded.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (maven.isEmpty() || !Owners.isRunning(maven.get())) {
                    // "done" may still sit in the pipe, written just before Maven exited
                    pipeEnded.await(2, TimeUnit.SECONDS);
                    break;
                }
            }
            if (done) {
                return 0;
            }
            // The pipe ended without "done": Maven is dying, or exiting with something left. Never clean up after a
            // build that still runs: wait until it has gone.
            while (maven.isPresent() && Owners.isRunning(maven.get())) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return reap();
    }

    private void read(InputStream control) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(control, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(DONE)) {
                    done = true;
                    break;
                }
                if (line.startsWith(KEEP)) {
                    kept.add(line.substring(KEEP.length()).trim());
                }
            }
        } catch (IOException broken) {
            // a broken pipe is how Maven's death usually shows
        } finally {
            pipeEnded.countDown();
        }
    }

    private int reap() {
        long start = System.nanoTime();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dock-watchdog-remove");
            t.setDaemon(true);
            return t;
        });
        Engine engine = null;
        try {
            engine = connect.get();
            TeardownReport report = new Teardown(engine, Console.silent(), executor)
                    .remove(
                            Selection.ofLifecycleSession(session, kept),
                            RemovalPolicy.killUntilEmpty(settle, giveUpAfter));
            String build = "build " + session + " (Maven process " + mavenPid + ")";
            if (report.total() > 0) {
                log.println(PREFIX + "Maven ended without dock:stop; removed what " + build + " had started: "
                        + report.summary() + " in " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
            }
            if (!report.isComplete()) {
                log.println(PREFIX + "Could not remove everything of " + build + " within "
                        + Durations.format(giveUpAfter) + ":\n" + report.failureList()
                        + "\nThe next dock:run of the project removes it, or mvn dock:remove does.");
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            log.println(PREFIX + "Could not remove what build " + session + " (Maven process " + mavenPid
                    + ") had started: " + e.getMessage()
                    + "\nThe next dock:run of the project removes it, or mvn dock:remove does.");
            return 1;
        } finally {
            executor.shutdownNow();
            if (engine != null) {
                try {
                    engine.close();
                } catch (IOException | RuntimeException ignored) {
                    // the process exits next
                }
            }
        }
    }

    /**
     * Keeps the process alive on the signals that a terminal (Ctrl-C) or a CI runner sends to every process of the
     * build: Maven's shutdown hook cleans up on those, and the watchdog must still be there if that hook cannot finish.
     */
    @SuppressWarnings("restriction")
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError notOnThisPlatform) {
                // Windows knows no SIGHUP; there, the signal keeps its default
            }
        }
    }

    /** The command line. */
    record Arguments(long pid, String session, String host, Path tls, Duration giveUpAfter) {

        static Arguments parse(String[] args) {
            Long pid = null;
            String session = null;
            String host = null;
            Path tls = null;
            Duration giveUpAfter = DEFAULT_GIVE_UP_AFTER;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--pid" -> {
                        try {
                            pid = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--pid must be a process id, not '" + value + "'");
                        }
                    }
                    case "--session" -> session = value;
                    case "--host" -> host = value;
                    case "--tls" -> tls = Path.of(value);
                    case "--give-up-after" -> giveUpAfter = Durations.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (pid == null || session == null || host == null) {
                throw new IllegalArgumentException("usage: Watchdog --pid <Maven pid> --session <build id> --host"
                        + " <engine address> [--tls <certificate directory>] [--give-up-after <duration>]");
            }
            return new Arguments(pid, session, host, tls, giveUpAfter);
        }
    }
}

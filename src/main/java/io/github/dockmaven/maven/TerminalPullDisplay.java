package io.github.dockmaven.maven;

import io.github.dockmaven.core.Engine;
import io.github.dockmaven.core.PullDisplay;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.maven.plugin.logging.Log;

/**
 * The progress of the running pulls as the last lines of an interactive terminal, one line per image, redrawn in place
 * (at most ten times a second) instead of scrolling:
 *
 * <pre>
 * [INFO] Pulling postgres:16: 7/13 layers, 48.1 MB/151.2 MB
 * [INFO] Pulling redis:7: 3/8 layers, 4.0 MB/41.5 MB
 * </pre>
 *
 * A finished pull leaves one line ({@code Pulled redis:7 in 4.1s: 8 layers, 41.5 MB downloaded}). Lines that {@link
 * MavenConsole} prints meanwhile, such as the output of containers already started, go above the progress lines: they
 * are erased, the line is printed, and they are drawn again. Each line is cut to the terminal's width ({@code
 * COLUMNS}, else 80), since a wrapped line could not be redrawn.
 */
final class TerminalPullDisplay implements PullDisplay {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final String ERASE_BELOW = "\u001b[J";

    /** The display whose lines are on the terminal, if any; there is one terminal per process. */
    private static volatile TerminalPullDisplay showing;

    private final Supplier<PrintStream> out;
    private final Log log;
    private final int width;
    private final LongSupplier clock;
    private final Map<String, Engine.PullProgress> running = new LinkedHashMap<>();
    private int drawn;
    private String shown = "";
    private long lastDraw;

    /**
     * @param out the terminal, looked up at each write (Maven may replace {@code System.out})
     * @param log Maven's log, for the line that ends each pull
     * @param width the terminal's width in columns
     * @param clock nanoseconds, for the redraw rate
     */
    TerminalPullDisplay(Supplier<PrintStream> out, Log log, int width, LongSupplier clock) {
        this.out = out;
        this.log = log;
        this.width = Math.max(20, width);
        this.clock = clock;
    }

    /** A display on {@code System.out}. */
    static TerminalPullDisplay onSystemOut(Log log) {
        return new TerminalPullDisplay(() -> System.out, log, columns(System.getenv("COLUMNS")), System::nanoTime);
    }

    /**
     * Whether progress can be redrawn in place: a person watches a terminal ({@code System.console()} is there), Maven
     * runs interactively (not {@code -B}), modules are not built in parallel ({@code -T}: other plugins would write
     * between our lines), and info lines are shown (not {@code -q}).
     */
    static boolean usable(boolean hasConsole, boolean interactive, boolean parallel, boolean infoEnabled) {
        return hasConsole && interactive && !parallel && infoEnabled;
    }

    static int columns(String value) {
        try {
            return value == null ? 80 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * Prints a log line: above the progress lines while a display shows them, else as it is. Every line that {@link
     * MavenConsole} prints goes through here.
     */
    static void print(Runnable logLine) {
        TerminalPullDisplay display = showing;
        if (display == null) {
            logLine.run();
        } else {
            display.above(logLine);
        }
    }

    @Override
    public synchronized Pull begin(String image, String alias) {
        running.put(image, null);
        showing = this;
        redraw();
        return new Pull() {
            @Override
            public void progress(Engine.PullProgress progress) {
                update(image, progress);
            }

            @Override
            public void done(Duration took) {
                end(image, took);
            }

            @Override
            public void failed() {
                end(image, null);
            }
        };
    }

    private synchronized void update(String image, Engine.PullProgress progress) {
        if (!running.containsKey(image)) {
            return;
        }
        running.put(image, progress);
        if (clock.getAsLong() - lastDraw >= REDRAW_NANOS) {
            redraw();
        }
    }

    private synchronized void end(String image, Duration took) {
        if (!running.containsKey(image)) {
            return;
        }
        Engine.PullProgress last = running.remove(image);
        erase();
        if (took != null) {
            log.info(PullDisplay.pulled(image, took, last));
        }
        if (running.isEmpty()) {
            showing = null;
        } else {
            draw();
        }
    }

    private synchronized void above(Runnable logLine) {
        erase();
        logLine.run();
        draw();
    }

    private void redraw() {
        // a report that changes nothing on screen is not worth the bytes
        if (drawn > 0 && render().equals(shown)) {
            lastDraw = clock.getAsLong();
            return;
        }
        erase();
        draw();
    }

    private void erase() {
        if (drawn > 0) {
            out.get().print("\u001b[" + drawn + "A\r" + ERASE_BELOW);
            drawn = 0;
        }
    }

    private void draw() {
        shown = render();
        PrintStream stream = out.get();
        stream.print(shown);
        stream.flush();
        drawn = running.size();
        lastDraw = clock.getAsLong();
    }

    private String render() {
        StringBuilder text = new StringBuilder();
        running.forEach(
                (image, progress) -> text.append(cut("[INFO] Pulling " + image + ": " + PullDisplay.describe(progress)))
                        .append('\n'));
        return text.toString();
    }

    private String cut(String line) {
        // one column spare: a line that fills the last column makes some terminals wrap
        return line.length() < width ? line : line.substring(0, width - 4) + "...";
    }
}

package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Engine.PullProgress;
import io.github.dockmaven.core.PullDisplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class TerminalPullDisplayTest {

    private static final String UP = "\u001b[";
    private static final String ERASE_BELOW = "A\r\u001b[J";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    /** Maven's log writing to the same terminal, as Maven's does. */
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            terminal.println("[INFO] " + content);
        }
    };

    private final TerminalPullDisplay display = new TerminalPullDisplay(() -> terminal, log, 60, clock::get);

    private String screen() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    @Test
    void progressLinesAreRedrawnInPlaceAndAFinishedPullLeavesOneLine() {
        PullDisplay.Pull a = display.begin("reg/a:1", "a");
        assertThat(screen()).isEqualTo("[INFO] Pulling reg/a:1: waiting for the registry\n");

        PullDisplay.Pull b = display.begin("reg/b:1", "b");
        assertThat(screen())
                .isEqualTo(UP + 1 + ERASE_BELOW
                        + "[INFO] Pulling reg/a:1: waiting for the registry\n"
                        + "[INFO] Pulling reg/b:1: waiting for the registry\n");

        clock.addAndGet(Duration.ofMillis(150).toNanos());
        a.progress(new PullProgress("reg/a:1", 1, 3, 2_000_000, 5_000_000));
        assertThat(screen())
                .isEqualTo(UP + 2 + ERASE_BELOW
                        + "[INFO] Pulling reg/a:1: 1/3 layers, 2.0 MB/5.0 MB\n"
                        + "[INFO] Pulling reg/b:1: waiting for the registry\n");

        a.done(Duration.ofMillis(1200));
        assertThat(screen())
                .isEqualTo(UP + 2 + ERASE_BELOW
                        + "[INFO] Pulled reg/a:1 in 1.2s: 3 layers, 5.0 MB downloaded\n"
                        + "[INFO] Pulling reg/b:1: waiting for the registry\n");

        b.failed();
        assertThat(screen()).isEqualTo(UP + 1 + ERASE_BELOW);
    }

    @Test
    void reportsCloserThanATenthOfASecondAreNotDrawn() {
        PullDisplay.Pull a = display.begin("reg/a:1", "a");
        screen();

        clock.addAndGet(Duration.ofMillis(150).toNanos());
        a.progress(new PullProgress("reg/a:1", 0, 3, 1_000, 5_000_000));
        clock.addAndGet(Duration.ofMillis(50).toNanos());
        a.progress(new PullProgress("reg/a:1", 0, 3, 2_000, 5_000_000));
        clock.addAndGet(Duration.ofMillis(40).toNanos());
        a.progress(new PullProgress("reg/a:1", 0, 3, 3_000, 5_000_000));

        assertThat(screen()).isEqualTo(UP + 1 + ERASE_BELOW + "[INFO] Pulling reg/a:1: 0/3 layers, 1.0 kB/5.0 MB\n");
        a.done(Duration.ofSeconds(1));
    }

    @Test
    void aReportThatChangesNothingOnScreenIsNotDrawn() {
        PullDisplay.Pull a = display.begin("reg/a:1", "a");
        screen();

        clock.addAndGet(Duration.ofMillis(150).toNanos());
        a.progress(new PullProgress("reg/a:1", 0, 0, 0, 0));

        assertThat(screen()).isEmpty();
        a.done(Duration.ofSeconds(1));
    }

    @Test
    void logLinesOfTheConsoleGoAboveTheProgressLines() {
        PullDisplay.Pull a = display.begin("reg/a:1", "a");
        screen();

        new MavenConsole(log).info("[db] database system is ready to accept connections");

        assertThat(screen())
                .isEqualTo(UP + 1 + ERASE_BELOW
                        + "[INFO] [db] database system is ready to accept connections\n"
                        + "[INFO] Pulling reg/a:1: waiting for the registry\n");
        a.done(Duration.ofSeconds(1));
        screen();

        new MavenConsole(log).info("after the pulls");
        assertThat(screen()).isEqualTo("[INFO] after the pulls\n");
    }

    @Test
    void linesAreCutToTheTerminalWidthSoThatTheyNeverWrap() {
        PullDisplay.Pull pull = display.begin("registry.example.com:5000/a/very/long/repository/name:1.2.3", "a");
        pull.failed();

        assertThat(screen()).startsWith("[INFO] Pulling registry.example.com:5000/a/very/long/rep...\n");
    }

    @Test
    void inPlaceOnlyForAPersonAtATerminalInAnInteractiveSequentialBuildShowingInfo() {
        assertThat(TerminalPullDisplay.usable(true, true, false, true)).isTrue();
        assertThat(TerminalPullDisplay.usable(false, true, false, true)).isFalse();
        assertThat(TerminalPullDisplay.usable(true, false, false, true)).isFalse();
        assertThat(TerminalPullDisplay.usable(true, true, true, true)).isFalse();
        assertThat(TerminalPullDisplay.usable(true, true, false, false)).isFalse();
    }

    @Test
    void theWidthComesFromColumnsElse80() {
        assertThat(TerminalPullDisplay.columns("132")).isEqualTo(132);
        assertThat(TerminalPullDisplay.columns(null)).isEqualTo(80);
        assertThat(TerminalPullDisplay.columns("wide")).isEqualTo(80);
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Engine.PullProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PeriodicPullDisplayTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final PullDisplay display = new PeriodicPullDisplay(console(lines), Duration.ofSeconds(5), clock::get);

    static Console console(List<String> lines) {
        return new Console() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }

    @Test
    void aPullShowsItsStartItsProgressEveryIntervalAndItsEnd() {
        PullDisplay.Pull pull = display.begin("127.0.0.1:5000/dock/app:1", "app");
        pull.progress(new PullProgress("127.0.0.1:5000/dock/app:1", 0, 2, 0, 0));
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        pull.progress(new PullProgress("127.0.0.1:5000/dock/app:1", 1, 2, 1_500_000, 3_000_000));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        pull.progress(new PullProgress("127.0.0.1:5000/dock/app:1", 1, 2, 2_000_000, 3_000_000));
        pull.progress(new PullProgress("127.0.0.1:5000/dock/app:1", 2, 2, 3_000_000, 3_000_000));
        pull.done(Duration.ofMillis(6300));

        assertThat(lines)
                .containsExactly(
                        "Pulling 127.0.0.1:5000/dock/app:1 for 'app'",
                        "Pulling 127.0.0.1:5000/dock/app:1: 1/2 layers, 1.5 MB/3.0 MB",
                        "Pulled 127.0.0.1:5000/dock/app:1 in 6.3s: 2 layers, 3.0 MB downloaded");
    }

    @Test
    void aLongPullWithConstantProgressMakesALineEveryIntervalNotOnePerReport() {
        PullDisplay.Pull pull = display.begin("big:1", "big");
        // ten minutes of a report every 100ms, as the engine sends them
        for (int i = 1; i <= 6000; i++) {
            clock.addAndGet(Duration.ofMillis(100).toNanos());
            pull.progress(new PullProgress("big:1", 0, 10, i * 1000L, 6_000_000L));
        }
        pull.done(Duration.ofMinutes(10));

        assertThat(lines).hasSize(1 + 120 + 1);
    }

    @Test
    void anImageThatWasUpToDateSaysSo() {
        PullDisplay.Pull pull = display.begin("busybox:1", "box");
        pull.progress(new PullProgress("busybox:1", 0, 0, 0, 0));
        pull.done(Duration.ofMillis(250));

        assertThat(lines).containsExactly("Pulling busybox:1 for 'box'", "Pulled busybox:1 in 250ms: up to date");
    }

    @Test
    void layersWhoseSizeTheEngineDidNotTellAreCountedWithoutBytes() {
        PullDisplay.Pull pull = display.begin("busybox:1", "box");
        pull.progress(new PullProgress("busybox:1", 2, 2, 0, 0));
        pull.done(Duration.ofMillis(400));

        assertThat(lines).containsExactly("Pulling busybox:1 for 'box'", "Pulled busybox:1 in 400ms: 2 layers");
    }

    @Test
    void aFailedPullLeavesTheMessageToTheFailure() {
        display.begin("nosuch:1", "x").failed();

        assertThat(lines).containsExactly("Pulling nosuch:1 for 'x'");
    }
}

package io.github.dockmaven.core;

import java.time.Duration;
import java.util.function.LongSupplier;

/** {@link PullDisplay#lines}: a line when a pull begins and ends, and at most one per image every interval between. */
final class PeriodicPullDisplay implements PullDisplay {

    private final Console console;
    private final long everyNanos;
    private final LongSupplier clock;

    PeriodicPullDisplay(Console console, Duration every, LongSupplier clock) {
        this.console = console;
        this.everyNanos = every.toNanos();
        this.clock = clock;
    }

    @Override
    public Pull begin(String image, String alias) {
        console.info("Pulling " + image + " for '" + alias + "'");
        long started = clock.getAsLong();
        return new Pull() {
            private long lastLine = started;
            private Engine.PullProgress last;

            @Override
            public synchronized void progress(Engine.PullProgress progress) {
                last = progress;
                long now = clock.getAsLong();
                if (now - lastLine >= everyNanos && progress.layersTotal() > 0) {
                    lastLine = now;
                    console.info("Pulling " + image + ": " + PullDisplay.describe(progress));
                }
            }

            @Override
            public synchronized void done(Duration took) {
                console.info(PullDisplay.pulled(image, took, last));
            }

            @Override
            public void failed() {
                // the failure itself is the message
            }
        };
    }
}

package io.github.dockmaven.core;

import java.time.Duration;

/**
 * Shows a person how the pulls of a build progress: per image, layers done of layers known and bytes downloaded of
 * bytes known. {@link #lines} writes a line per image every few seconds (logs and CI); the Maven layer has one that
 * redraws the progress in place on a terminal.
 */
public interface PullDisplay {

    /** A pull of {@code image} for the container {@code alias} begins; its progress goes to the returned handle. */
    Pull begin(String image, String alias);

    /** One pull being shown. */
    interface Pull {

        void progress(Engine.PullProgress progress);

        /** The pull succeeded after {@code took}. */
        void done(Duration took);

        /** The pull failed; its failure is reported elsewhere. */
        void failed();
    }

    /**
     * Plain log lines: one when a pull begins, one when it ends, and in between at most one per image every {@code
     * every}. A pull of ten minutes makes a few hundred lines with {@code every} at 2 s, a few dozen at 10 s.
     */
    static PullDisplay lines(Console console, Duration every) {
        return new PeriodicPullDisplay(console, every, System::nanoTime);
    }

    /**
     * The progress of a pull as the displays show it: {@code 3/5 layers, 1.2 MB/4.5 MB}; {@code waiting for the
     * registry} until the first layer is known.
     */
    static String describe(Engine.PullProgress progress) {
        if (progress == null || progress.layersTotal() == 0) {
            return "waiting for the registry";
        }
        return progress.layersDone() + "/" + progress.layersTotal() + " layers, "
                + ByteSizes.format(progress.bytesDone()) + "/" + ByteSizes.format(progress.bytesTotal());
    }

    /**
     * The line that ends a pull: {@code Pulled x:1 in 2.3s: 5 layers, 4.5 MB downloaded}; without the bytes when the
     * engine did not tell them.
     */
    static String pulled(String image, Duration took, Engine.PullProgress last) {
        String line = "Pulled " + image + " in " + Durations.format(took);
        if (last == null || last.layersTotal() == 0) {
            return line + ": up to date";
        }
        line += ": " + last.layersTotal() + " layer" + (last.layersTotal() == 1 ? "" : "s");
        return last.bytesTotal() == 0 ? line : line + ", " + ByteSizes.format(last.bytesTotal()) + " downloaded";
    }
}

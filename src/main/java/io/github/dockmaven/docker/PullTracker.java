package io.github.dockmaven.docker;

import io.github.dockmaven.core.Engine.PullProgress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Aggregates the per-layer progress messages of a pull into one report: layers done of layers known, bytes
 * downloaded of bytes known. Reports go out when a layer's state changes, byte counts at most once a second. It reads
 * Docker's messages and Podman's (which has no "Pull complete", and counts the image's config as one more layer).
 */
final class PullTracker {

    private static final long BYTE_REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final Set<String> DONE = Set.of("pull complete", "already exists");
    private static final Set<String> DOWNLOADED = Set.of("download complete", "verifying checksum", "extracting");

    private final String image;
    private final Consumer<PullProgress> progress;
    private final LongSupplier clock;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private PullProgress last;
    private long lastReport;

    PullTracker(String image, Consumer<PullProgress> progress, LongSupplier clock) {
        this.image = image;
        this.progress = progress;
        this.clock = clock;
        this.lastReport = clock.getAsLong();
    }

    /** Takes one progress message of the engine. */
    synchronized void update(String id, String status, Long current, Long total) {
        if (id == null || status == null) {
            return;
        }
        String state = status.toLowerCase(Locale.ROOT);
        // "Pulling from library/busybox" carries the tag as its id, not a layer
        if (state.startsWith("pulling from") || state.startsWith("digest:") || state.startsWith("status:")) {
            return;
        }
        Layer layer = layers.computeIfAbsent(id, key -> new Layer());
        boolean stateChanged = !state.equals(layer.state);
        layer.state = state;
        // a layer that downloads in a blink gets no "Downloading" report; extracting tells its size too
        if (total != null && total > 0 && (state.equals("downloading") || state.equals("extracting"))) {
            layer.total = total;
        }
        if (current != null && state.equals("downloading")) {
            layer.current = Math.min(current, layer.total > 0 ? layer.total : current);
        }
        if (DONE.contains(state) || DOWNLOADED.contains(state)) {
            layer.current = layer.total;
        }
        if (stateChanged) {
            report(false);
        } else if (clock.getAsLong() - lastReport >= BYTE_REPORT_INTERVAL_NANOS) {
            report(false);
        }
    }

    /**
     * Sends the final report of a pull that succeeded, if it differs from the last one. Every layer is done then, also
     * where the engine's last word on it was not "Pull complete": Podman ends each layer with "Download complete".
     */
    synchronized void finish() {
        for (Layer layer : layers.values()) {
            layer.state = "pull complete";
            layer.current = layer.total;
        }
        report(true);
    }

    synchronized PullProgress current() {
        int done = 0;
        long bytesDone = 0;
        long bytesTotal = 0;
        for (Layer layer : layers.values()) {
            if (DONE.contains(layer.state)) {
                done++;
            }
            bytesDone += layer.current;
            bytesTotal += layer.total;
        }
        return new PullProgress(image, done, layers.size(), bytesDone, bytesTotal);
    }

    private void report(boolean always) {
        PullProgress now = current();
        if (now.equals(last) || (!always && now.layersTotal() == 0)) {
            return;
        }
        last = now;
        lastReport = clock.getAsLong();
        progress.accept(now);
    }

    private static final class Layer {
        String state = "";
        long current;
        long total;
    }
}

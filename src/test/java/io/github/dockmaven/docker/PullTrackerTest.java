package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Engine.PullProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PullTrackerTest {

    private final List<PullProgress> reports = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final PullTracker tracker = new PullTracker("busybox:1", reports::add, clock::get);

    @Test
    void layersAndBytesAreSummedOverTheLayersSeen() {
        tracker.update("1", "Pulling from library/busybox", null, null);
        tracker.update("a", "Pulling fs layer", null, null);
        tracker.update("b", "Already exists", null, null);
        tracker.update("a", "Downloading", 100L, 1000L);
        tracker.update("a", "Download complete", null, null);
        tracker.update("a", "Extracting", 500L, 1000L);
        tracker.update("a", "Pull complete", null, null);
        tracker.update(null, "Digest: sha256:abc", null, null);
        tracker.update(null, "Status: Downloaded newer image for busybox:1", null, null);
        tracker.finish();

        assertThat(reports.get(reports.size() - 1)).isEqualTo(new PullProgress("busybox:1", 2, 2, 1000, 1000));
        assertThat(reports).contains(new PullProgress("busybox:1", 1, 2, 100, 1000));
    }

    @Test
    void aLayerThatDownloadedWithoutReportsGetsItsSizeFromExtracting() {
        tracker.update("a", "Pulling fs layer", null, null);
        tracker.update("a", "Download complete", null, null);
        tracker.update("a", "Extracting", 32768L, 8000000L);
        tracker.update("a", "Pull complete", null, null);
        tracker.finish();

        assertThat(reports.get(reports.size() - 1)).isEqualTo(new PullProgress("busybox:1", 1, 1, 8000000, 8000000));
    }

    @Test
    void byteUpdatesAreReportedAtMostOnceASecond() {
        tracker.update("a", "Downloading", 1L, 1000L);
        tracker.update("a", "Downloading", 2L, 1000L);
        tracker.update("a", "Downloading", 3L, 1000L);
        clock.addAndGet(1_000_000_000L);
        tracker.update("a", "Downloading", 4L, 1000L);

        assertThat(reports).extracting(PullProgress::bytesDone).containsExactly(1L, 4L);
    }

    @Test
    void podmansPullWhoseLayersEndWithDownloadCompleteEndsWithAllLayersDone() {
        tracker.update("6c9b18989042", "Pulling fs layer", null, null);
        tracker.update("6c9b18989042", "Downloading", 1000L, 2000L);
        tracker.update("4278f50b87db", "Already exists", null, null);
        tracker.update("6c9b18989042", "Download complete", null, null);
        tracker.finish();

        assertThat(reports.get(reports.size() - 1)).isEqualTo(new PullProgress("busybox:1", 2, 2, 2000, 2000));
    }

    @Test
    void anImageThatIsUpToDateStillGetsOneFinalReport() {
        tracker.update("1", "Pulling from library/busybox", null, null);
        tracker.update(null, "Status: Image is up to date for busybox:1", null, null);
        tracker.finish();

        assertThat(reports).containsExactly(new PullProgress("busybox:1", 0, 0, 0, 0));
    }
}

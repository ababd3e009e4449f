package io.github.dockmaven.docker;

import io.github.dockmaven.core.LogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a build printed, line by line: each line is passed on, and the last ones and the Dockerfile step under way are
 * remembered, so that a failure can name them, as are the images the steps created, so that a failed build can remove
 * them.
 */
final class BuildTranscript implements Consumer<LogLine> {

    /** How many of the last lines a failure shows. */
    static final int KEPT_LINES = 20;

    /** Docker's classic builder prints {@code Step 3/5 : RUN make}; Podman prints {@code STEP 3/5: RUN make}. */
    private static final Pattern STEP = Pattern.compile("(?i)^step \\d+/\\d+\\s*:\\s*(.+)$");

    /**
     * The image a step ended with: Docker prints {@code  ---> 3f2a1c9b04de}, Podman {@code --> 3f2a1c9b04d}, both after
     * a step that ran and after one whose image came from the cache.
     */
    private static final Pattern STEP_IMAGE = Pattern.compile("^\\s*-+>\\s+([0-9a-f]{11,64})\\s*$");

    /** A step whose image came from the cache: Docker prints {@code  ---> Using cache}, Podman adds the id. */
    private static final Pattern FROM_CACHE = Pattern.compile("^\\s*-+>\\s+Using cache\\b.*$");

    private final Consumer<String> output;
    private final Deque<String> last = new ArrayDeque<>();
    private String step;
    private boolean stepFromCache;
    private String stepImage;
    private final List<String> createdImages = new ArrayList<>();

    BuildTranscript(Consumer<String> output) {
        this.output = output;
    }

    @Override
    public synchronized void accept(LogLine line) {
        String text = line.text();
        Matcher m = STEP.matcher(text);
        if (m.matches()) {
            if (stepImage != null) {
                createdImages.add(stepImage);
            }
            step = m.group(1).trim();
            stepFromCache = false;
            stepImage = null;
        } else if (FROM_CACHE.matcher(text).matches()) {
            stepFromCache = true;
        } else {
            Matcher image = STEP_IMAGE.matcher(text);
            if (image.matches() && createdByThisStep()) {
                // the last such line of a step is the engine's; one the step's own command printed comes before it
                stepImage = image.group(1);
            }
        }
        last.addLast(text);
        if (last.size() > KEPT_LINES) {
            last.removeFirst();
        }
        output.accept(text);
    }

    /** The Dockerfile instruction of the last step that began, or null before the first one. */
    synchronized String step() {
        return step;
    }

    /**
     * Whether the step under way made its image itself: a cached one may be another build's, and the image of a {@code
     * FROM} step is the base image.
     */
    private boolean createdByThisStep() {
        return step != null && !stepFromCache && !step.toUpperCase(Locale.ROOT).startsWith("FROM ");
    }

    /**
     * The images the steps that ended so far created (not taken from the cache), oldest first: a step has ended once
     * the next began, so a failed step's output names none. A build that fails leaves them untagged, and without the
     * build's labels, which the engine adds in steps after the Dockerfile's last.
     */
    synchronized List<String> createdImages() {
        return List.copyOf(createdImages);
    }

    /** The last {@link #KEPT_LINES} lines, oldest first. */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }
}

package io.github.dockmaven.docker;

import io.github.dockmaven.core.LogLine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a build printed, line by line: each line is passed on, and the last ones and the Dockerfile step under way are
 * remembered, so that a failure can name them.
 */
final class BuildTranscript implements Consumer<LogLine> {

    /** How many of the last lines a failure shows. */
    static final int KEPT_LINES = 20;

    /** Docker's classic builder prints {@code Step 3/5 : RUN make}; Podman prints {@code STEP 3/5: RUN make}. */
    private static final Pattern STEP = Pattern.compile("(?i)^step \\d+/\\d+\\s*:\\s*(.+)$");

    private final Consumer<String> output;
    private final Deque<String> last = new ArrayDeque<>();
    private String step;

    BuildTranscript(Consumer<String> output) {
        this.output = output;
    }

    @Override
    public synchronized void accept(LogLine line) {
        String text = line.text();
        Matcher m = STEP.matcher(text);
        if (m.matches()) {
            step = m.group(1).trim();
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

    /** The last {@link #KEPT_LINES} lines, oldest first. */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }
}

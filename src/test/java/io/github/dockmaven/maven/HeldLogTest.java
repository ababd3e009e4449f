package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class HeldLogTest {

    /** A Maven log that records what it is told, with debug enabled or not. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> said = new ArrayList<>();
        private final boolean debug;

        RecordingLog(boolean debug) {
            this.debug = debug;
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        @Override
        public void debug(CharSequence content) {
            debug(content, null);
        }

        @Override
        public void info(CharSequence content) {
            info(content, null);
        }

        @Override
        public void warn(CharSequence content) {
            warn(content, null);
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
            said.add("DEBUG " + content);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            said.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            said.add("WARN " + content);
        }
    }

    @Test
    void nothingIsWrittenBeforeTheReleaseAndEverythingInItsOrderAtIt() {
        RecordingLog live = new RecordingLog(true);
        RecordingLog run = new RecordingLog(true);
        HeldLog held = new HeldLog(live);
        held.info("Started 'db'");
        held.debug("Using the engine");
        held.warn("slow");

        assertThat(run.said).isEmpty();
        held.release(run);

        assertThat(run.said).containsExactly("INFO Started 'db'", "DEBUG Using the engine", "WARN slow");
        assertThat(live.said).isEmpty();
    }

    @Test
    void linesAfterTheReleaseGoStraightToWhereItReleased() {
        RecordingLog run = new RecordingLog(false);
        HeldLog held = new HeldLog(new RecordingLog(false));
        held.release(run);

        held.info("[db] ready");

        assertThat(run.said).containsExactly("INFO [db] ready");
    }

    @Test
    void debugLinesAreNotHeldWhenMavenDoesNotShowThem() {
        RecordingLog run = new RecordingLog(false);
        HeldLog held = new HeldLog(new RecordingLog(false));
        held.debug("Using the engine");
        held.info("Started 'db'");

        held.release(run);

        assertThat(run.said).containsExactly("INFO Started 'db'");
    }

    @Test
    void pastTheLimitInfoLinesAreCountedNotHeldButWarningsAreKept() {
        RecordingLog run = new RecordingLog(false);
        HeldLog held = new HeldLog(new RecordingLog(false));
        for (int i = 0; i < HeldLog.MAX_HELD + 5; i++) {
            held.info("[db] line " + i);
        }
        held.warn("db is slow");

        held.release(run);

        assertThat(run.said).hasSize(HeldLog.MAX_HELD + 2);
        assertThat(run.said.subList(HeldLog.MAX_HELD, HeldLog.MAX_HELD + 2))
                .containsExactly(
                        "WARN db is slow",
                        "INFO 5 lines of the early start were left out here; each container's output is whole in"
                                + " its log file");
    }

    @Test
    void droppedLinesAreNeverWrittenNorAreLaterOnes() {
        RecordingLog live = new RecordingLog(false);
        HeldLog held = new HeldLog(live);
        held.info("Started 'db'");

        held.drop();
        held.info("[db] still talking");

        assertThat(live.said).isEmpty();
    }
}

package io.github.dockmaven.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineFilterTest {

    private final ByteArrayOutputStream target = new ByteArrayOutputStream();
    private final PrintStream out =
            new PrintStream(new LineFilter(target, line -> !line.startsWith("SLF4J: ")), true, StandardCharsets.UTF_8);

    @Test
    void dropsTheRefusedLinesAndPassesTheOthersWhole() {
        out.println("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".");
        out.println("[dock watchdog] Maven ended without dock:stop; removed 1 container");
        out.print("SLF4J: Defaulting to no-operation (NOP) logger implementation\n[dock watchdog] done\n");

        assertThat(target.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "[dock watchdog] Maven ended without dock:stop; removed 1 container\n[dock watchdog] done\n");
    }

    @Test
    void aFlushPassesOnALineNotYetEnded() {
        out.print("[dock watchdog] removing");
        out.flush();

        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("[dock watchdog] removing");
    }
}

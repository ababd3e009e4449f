package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.LogLine;
import io.github.dockmaven.core.LogLine.Stream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private final List<LogLine> lines = new ArrayList<>();
    private final LineAssembler assembler = new LineAssembler(lines::add);

    private void feed(Stream stream, String text) {
        assembler.accept(stream, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aChunkWithSeveralLinesGivesOneCallPerLine() {
        feed(Stream.STDOUT, "one\ntwo\nthree\n");

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "one"),
                        new LogLine(Stream.STDOUT, "two"),
                        new LogLine(Stream.STDOUT, "three"));
    }

    @Test
    void halfLinesWaitForTheirRestPerStream() {
        feed(Stream.STDOUT, "hel");
        feed(Stream.STDERR, "oo");
        feed(Stream.STDOUT, "lo\nwor");
        feed(Stream.STDERR, "ps\n");
        feed(Stream.STDOUT, "ld\n");

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "hello"),
                        new LogLine(Stream.STDERR, "oops"),
                        new LogLine(Stream.STDOUT, "world"));
    }

    @Test
    void carriageReturnsBeforeTheNewlineAreStripped() {
        feed(Stream.STDOUT, "windows\r\nunix\n\n");

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "windows"),
                        new LogLine(Stream.STDOUT, "unix"),
                        new LogLine(Stream.STDOUT, ""));
    }

    @Test
    void flushPassesOnTheLastLineWithoutTerminatorOnce() {
        feed(Stream.STDOUT, "done\npartial");
        feed(Stream.STDERR, "err-partial");

        assembler.flush();
        assembler.flush();

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "done"),
                        new LogLine(Stream.STDOUT, "partial"),
                        new LogLine(Stream.STDERR, "err-partial"));
    }

    private void readAgain(Stream stream, String entry) {
        assembler.acceptDroppedEnding(stream, entry.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnterminatedEndReadAgainIsPassedOnWhereTheStreamEndedWithANewline() {
        feed(Stream.STDOUT, "starting\n");

        readAgain(Stream.STDERR, "fatal: no config");
        readAgain(Stream.STDOUT, "bye");
        assembler.flush();

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "starting"),
                        new LogLine(Stream.STDERR, "fatal: no config"),
                        new LogLine(Stream.STDOUT, "bye"));
    }

    @Test
    void anEndReadAgainThatTheStreamDeliveredIsNotPassedOnTwice() {
        feed(Stream.STDOUT, "starting\nbye");
        feed(Stream.STDERR, "error: late\n");

        readAgain(Stream.STDOUT, "bye");
        readAgain(Stream.STDERR, "error: late\n");
        assembler.flush();

        assertThat(lines)
                .containsExactly(
                        new LogLine(Stream.STDOUT, "starting"),
                        new LogLine(Stream.STDERR, "error: late"),
                        new LogLine(Stream.STDOUT, "bye"));
    }

    @Test
    void aTerminatedEntryReadAgainWasDeliveredAndIsNotPassedOn() {
        feed(Stream.STDOUT, "ready\n");

        readAgain(Stream.STDOUT, "ready\n");
        readAgain(Stream.STDOUT, "");

        assertThat(lines).containsExactly(new LogLine(Stream.STDOUT, "ready"));
    }

    @Test
    void aMultiByteCharacterSplitBetweenChunksSurvives() {
        byte[] bytes = "grüße\n".getBytes(StandardCharsets.UTF_8);
        assembler.accept(Stream.STDOUT, Arrays.copyOfRange(bytes, 0, 3));
        assembler.accept(Stream.STDOUT, Arrays.copyOfRange(bytes, 3, bytes.length));

        assertThat(lines).containsExactly(new LogLine(Stream.STDOUT, "grüße"));
    }

    @Test
    void outputWithoutNewlinesIsCutAtTheLimitInsteadOfGrowingForever() {
        feed(Stream.STDOUT, "x".repeat(LineAssembler.MAX_LINE_BYTES + 10));
        assembler.flush();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).text()).hasSize(LineAssembler.MAX_LINE_BYTES);
        assertThat(lines.get(1).text()).hasSize(10);
    }
}

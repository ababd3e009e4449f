package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerOutputTest {

    @TempDir
    Path temp;

    private final RecordingConsole console = new RecordingConsole();

    private static LogLine line(String text) {
        return new LogLine(LogLine.Stream.STDOUT, text);
    }

    @Test
    void inABuildOfOneModuleEachLineIsPrefixedWithTheAliasAlone() {
        try (ContainerOutput output = new ContainerOutput("db", null, console, true, null)) {
            output.accept(line("ready to accept connections"));
        }

        assertThat(console.said()).containsExactly("INFO [db] ready to accept connections");
    }

    @Test
    void inABuildOfSeveralModulesSameAliasContainersOfDifferentModulesAreToldApart() {
        try (ContainerOutput web = new ContainerOutput("db", "web", console, true, null);
                ContainerOutput api = new ContainerOutput("db", "api", console, true, null)) {
            web.accept(line("db up"));
            api.accept(line("db up"));
        }

        assertThat(console.said()).containsExactly("INFO [web/db] db up", "INFO [api/db] db up");
    }

    @Test
    void theLogFileIsNamedAfterTheAliasAndHoldsTheLinesWithoutPrefix() throws IOException {
        try (ContainerOutput output = new ContainerOutput("db", "web", console, true, temp)) {
            output.accept(line("first"));
            output.accept(line("second"));
        }

        assertThat(Files.readString(temp.resolve("db.log"))).isEqualTo("first\nsecond\n");
    }

    @Test
    void aHeldOutputWritesNothingIntoTheLogDirectoryBeforeItIsReleased() {
        Path logDir = temp.resolve("target/dock");
        try (ContainerOutput output = ContainerOutput.held("db", null, console, false, logDir)) {
            output.accept(line("early"));

            assertThat(logDir).doesNotExist();
        }
    }

    @Test
    void aReleasedOutputHasTheLinesFromBeforeAndAfterItsReleaseInItsLogFile() throws IOException {
        Path logDir = temp.resolve("target/dock");
        try (ContainerOutput output = ContainerOutput.held("db", null, console, false, logDir)) {
            output.accept(line("early"));
            output.release();
            output.accept(line("late"));
        }

        assertThat(Files.readString(logDir.resolve("db.log"))).isEqualTo("early\nlate\n");
    }

    @Test
    void aReleasedLogFileCanBeReadByOthersAsEveryLogFileCan() throws IOException {
        Path logDir = temp.resolve("target/dock");
        try (ContainerOutput output = ContainerOutput.held("db", null, console, false, logDir)) {
            output.accept(line("early"));
            output.release();
        }
        try (ContainerOutput output = new ContainerOutput("web", null, console, false, logDir)) {
            output.accept(line("late"));
        }

        assertThat(Files.getPosixFilePermissions(logDir.resolve("db.log")))
                .isEqualTo(Files.getPosixFilePermissions(logDir.resolve("web.log")));
    }

    @Test
    void anOutputClosedBeforeItsReleaseStillHasItsLinesInTheLogFileOnceReleased() throws IOException {
        Path logDir = temp.resolve("target/dock");
        ContainerOutput output = ContainerOutput.held("db", null, console, false, logDir);
        output.accept(line("before it failed"));
        output.close();

        output.release();

        assertThat(Files.readString(logDir.resolve("db.log"))).isEqualTo("before it failed\n");
    }

    @Test
    void withoutConsoleOutputTheLinesGoOnlyToTheFile() throws IOException {
        try (ContainerOutput output = new ContainerOutput("db", "web", console, false, temp)) {
            output.accept(line("quiet"));
        }

        assertThat(console.said()).isEmpty();
        assertThat(Files.readString(temp.resolve("db.log"))).isEqualTo("quiet\n");
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a copy lands, as {@code docker cp} decides it, and how a command reads back in messages. */
class CopyEntryTest {

    @Test
    void aTargetEndingInASlashIsAFolderTheCopyKeepsItsNameIn() {
        assertThat(new CopyEntry("/project/src/init.sql", "/docker-entrypoint-initdb.d/").containerTarget())
                .isEqualTo("/docker-entrypoint-initdb.d/init.sql");
        assertThat(new CopyEntry("/var/log/app/", "/project/target/logs/").hostTarget())
                .isEqualTo(Path.of("/project/target/logs/app"));
    }

    @Test
    void anyOtherTargetIsThePathTheCopyGets() {
        assertThat(new CopyEntry("/project/src/app.conf", "/etc/app.properties").containerTarget())
                .isEqualTo("/etc/app.properties");
        assertThat(new CopyEntry("/tmp/dump.sql", "/project/target/dump-1.sql").hostTarget())
                .isEqualTo(Path.of("/project/target/dump-1.sql"));
    }

    @Test
    void aCommandReadsBackAsAShellWouldSplitIt() {
        assertThat(new Exec(List.of("sh", "-c", "echo 'hi' > /tmp/x")).display())
                .isEqualTo("sh -c 'echo '\\''hi'\\'' > /tmp/x'");
        assertThat(new Exec(List.of("touch", "")).display()).isEqualTo("touch ''");
    }

    @Test
    void aCommandWithoutWordsIsRefused() {
        assertThatThrownBy(() -> new Exec(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's dotenv format; Docker's env-file format is tested in {@link RunOptionValuesTest}. The expansion here
 * marks what it was given, so a test sees which values were expanded and with which earlier variables.
 */
class EnvFileTest {

    private static final EnvFile.Expansion MARKED = (value, earlier) ->
            value.contains("$") ? "expanded(" + value + ", earlier " + earlier.keySet() + ")" : value;

    private static Map<String, String> parse(String text) {
        return EnvFile.parseDotEnv(text, name -> name.equals("FROM_BUILD") ? "from the build" : null, MARKED);
    }

    @Test
    void linesAreNameEqualsValueWithCommentsBlankLinesAndExportSkippedOver() {
        assertThat(
                        parse(
                                """
                        # database settings
                        DB_USER=shop

                          DB_NAME = shop_test
                        export TZ=UTC
                        export\tLANG=C.UTF-8
                        EMPTY=
                        DB_USER=later wins
                        """))
                .containsExactly(
                        entry("DB_USER", "later wins"),
                        entry("DB_NAME", "shop_test"),
                        entry("TZ", "UTC"),
                        entry("LANG", "C.UTF-8"),
                        entry("EMPTY", ""));
    }

    @Test
    void anUnquotedValueEndsAtSpaceHashAndIsTrimmed() {
        assertThat(parse("LEVEL=debug # more output in CI\nCOLOR=#ff0000\nURL=http://x/#anchor  \r\n"))
                .containsExactly(entry("LEVEL", "debug"), entry("COLOR", "#ff0000"), entry("URL", "http://x/#anchor"));
    }

    @Test
    void singleQuotesAreTakenLiterallyAndNotExpanded() {
        assertThat(parse("PASSWORD='s3cr$t # not a comment \\n'\nIT='it\\'s'"))
                .containsExactly(entry("PASSWORD", "s3cr$t # not a comment \\n"), entry("IT", "it's"));
    }

    @Test
    void doubleQuotesResolveEscapesAndAreExpanded() {
        assertThat(parse("GREETING=\"hello\\tworld\\n\\\"quoted\\\" \\\\ \\x\" # comment"))
                .containsExactly(entry("GREETING", "hello\tworld\n\"quoted\" \\ \\x"));
        assertThat(parse("PRICE=\"5\\$\"")).containsExactly(entry("PRICE", "expanded(5$$, earlier [])"));
    }

    @Test
    void quotedValuesMaySpanLines() {
        assertThat(parse("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT='a\nb'\nLAST=1"))
                .containsExactly(
                        entry("KEY", "-----BEGIN-----\nabc\n-----END-----"), entry("NEXT", "a\nb"), entry("LAST", "1"));
    }

    @Test
    void unquotedAndDoubleQuotedValuesAreExpandedWithTheVariablesAbove() {
        assertThat(parse("HOST=db\nURL=jdbc:${HOST}\nQUOTED=\"$HOST\""))
                .containsExactly(
                        entry("HOST", "db"),
                        entry("URL", "expanded(jdbc:${HOST}, earlier [HOST])"),
                        entry("QUOTED", "expanded($HOST, earlier [HOST, URL])"));
    }

    @Test
    void aNameAloneTakesTheBuildsValueOrIsSkipped() {
        assertThat(parse("FROM_BUILD\nNOT_IN_BUILD\nA=1"))
                .containsExactly(entry("FROM_BUILD", "from the build"), entry("A", "1"));
    }

    @Test
    void aLineThatIsNotNameValueIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> parse("A=1\n=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 '=2' is not NAME=value (no name before '=')");
        assertThatThrownBy(() -> parse("# x\nMY VAR=1"))
                .hasMessage("line 2 'MY VAR=1' is not NAME=value (a name has no spaces)");
        assertThatThrownBy(() -> parse("A=1\n\nMY$VAR=1"))
                .hasMessage("line 3 'MY$VAR=1' is not NAME=value (a name has letters, digits, '_', '.', '-', '['"
                        + " and ']' only)");
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheLineItOpensOn() {
        assertThatThrownBy(() -> parse("A=1\nB=\"open\nC=3\n")).hasMessage("line 2: the value's \" is not closed");
        assertThatThrownBy(() -> parse("B='open")).hasMessage("line 1: the value's ' is not closed");
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> parse("A=1\nB=\"two\" words"))
                .hasMessage("line 2: 'words' follows the closing \"; put a value with spaces inside the quotes");
    }

    @Test
    void aValueTheExpansionRefusesIsRefusedWithItsLine() {
        EnvFile.Expansion refusing = (value, earlier) -> {
            throw new IllegalArgumentException("the variable X is required but not set");
        };
        assertThatThrownBy(() -> EnvFile.parseDotEnv("\n\nA=${X:?}", name -> null, refusing))
                .hasMessage("line 3: the variable X is required but not set");
    }

    @Test
    void aDotEnvFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(".env"), "TAG=1.4.2\n");
        assertThat(EnvFile.readDotEnv(file, name -> null, MARKED)).containsExactly(entry("TAG", "1.4.2"));
        assertThatThrownBy(() -> EnvFile.readDotEnv(dir.resolve("missing.env"), name -> null, MARKED))
                .hasMessage("the file does not exist");
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnRunsOfWhiteSpace() {
        assertThat(ShellWords.split("  postgres  -c\tmax_connections=200\n"))
                .containsExactly("postgres", "-c", "max_connections=200");
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertThat(ShellWords.split("sh -c 'echo \"$HOME\" \\n'")).containsExactly("sh", "-c", "echo \"$HOME\" \\n");
    }

    @Test
    void doubleQuotesKeepSpacesAndUnescapeOnlyQuoteBackslashDollarAndBacktick() {
        assertThat(ShellWords.split("echo \"a  b\" \"say \\\"hi\\\"\" \"\\$x \\\\ \\n\""))
                .containsExactly("echo", "a  b", "say \"hi\"", "$x \\ \\n");
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() {
        assertThat(ShellWords.split("--name='my app'-1 a\"b\"c")).containsExactly("--name=my app-1", "abc");
    }

    @Test
    void aBackslashOutsideQuotesEscapesTheNextCharacter() {
        assertThat(ShellWords.split("touch my\\ file \\'x")).containsExactly("touch", "my file", "'x");
    }

    @Test
    void aBackslashAtTheVeryEndIsKeptAsAShellKeepsIt() {
        assertThat(ShellWords.split("echo a \\")).containsExactly("echo", "a", "\\");
    }

    @Test
    void aBackslashBeforeANewLineContinuesTheLine() {
        assertThat(ShellWords.split("sh -c \\\n    'echo hi' \\\n  done"))
                .containsExactly("sh", "-c", "echo hi", "done");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(ShellWords.split("set -- '' \"\"")).containsExactly("set", "--", "", "");
    }

    @Test
    void nothingButWhiteSpaceIsNoWords() {
        assertThat(ShellWords.split(" \t ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRejectedNamingIt() {
        assertThatThrownBy(() -> ShellWords.split("sh -c 'echo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quote ' is not closed");
        assertThatThrownBy(() -> ShellWords.split("echo \"hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quote \" is not closed");
    }
}

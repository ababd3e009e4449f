package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.EnvFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compose's substitution forms on single strings, with SET=value, EMPTY set to "" and UNSET not set. */
class InterpolationTest {

    private final List<String> unset = new ArrayList<>();
    private final Interpolation interpolation =
            new Interpolation(Map.of("SET", "value", "EMPTY", "", "OTHER", "other"), unset::add);

    private String apply(String text) {
        return interpolation.apply(text);
    }

    @Test
    void aVariableIsReplacedWithAndWithoutBraces() {
        assertThat(apply("$SET")).isEqualTo("value");
        assertThat(apply("${SET}")).isEqualTo("value");
        assertThat(apply("a-${SET}-b $SET/c")).isEqualTo("a-value-b value/c");
        assertThat(apply("$SET_suffix")).isEqualTo("");
        assertThat(apply("${SET}_suffix")).isEqualTo("value_suffix");
        assertThat(unset).containsExactly("SET_suffix");
    }

    @Test
    void anUnsetVariableBecomesEmptyAndIsReported() {
        assertThat(apply("image:${UNSET}")).isEqualTo("image:");
        assertThat(apply("$UNSET")).isEqualTo("");
        assertThat(apply("${EMPTY}")).isEqualTo("");
        assertThat(unset).containsExactly("UNSET", "UNSET");
    }

    @Test
    void aColonDefaultReplacesAnUnsetOrEmptyVariable() {
        assertThat(apply("${SET:-d}")).isEqualTo("value");
        assertThat(apply("${EMPTY:-d}")).isEqualTo("d");
        assertThat(apply("${UNSET:-d}")).isEqualTo("d");
        assertThat(apply("${UNSET:-}")).isEqualTo("");
        assertThat(apply("${UNSET:-a default with spaces: and colons}")).isEqualTo("a default with spaces: and colons");
        assertThat(unset).isEmpty();
    }

    @Test
    void aDefaultWithoutColonReplacesOnlyAnUnsetVariable() {
        assertThat(apply("${SET-d}")).isEqualTo("value");
        assertThat(apply("${EMPTY-d}")).isEqualTo("");
        assertThat(apply("${UNSET-d}")).isEqualTo("d");
    }

    @Test
    void aReplacementAppliesWhenTheVariableIsThere() {
        assertThat(apply("${SET:+r}")).isEqualTo("r");
        assertThat(apply("${EMPTY:+r}")).isEqualTo("");
        assertThat(apply("${UNSET:+r}")).isEqualTo("");
        assertThat(apply("${SET+r}")).isEqualTo("r");
        assertThat(apply("${EMPTY+r}")).isEqualTo("r");
        assertThat(apply("${UNSET+r}")).isEqualTo("");
        assertThat(unset).isEmpty();
    }

    @Test
    void aRequiredVariableThatIsThereIsItsValue() {
        assertThat(apply("${SET:?needed}")).isEqualTo("value");
        assertThat(apply("${SET?needed}")).isEqualTo("value");
        assertThat(apply("${EMPTY?needed}")).isEqualTo("");
    }

    @Test
    void aRequiredVariableThatIsMissingFailsWithItsMessage() {
        assertThatThrownBy(() -> apply("${UNSET:?set the database password}"))
                .isInstanceOf(Interpolation.MissingVariable.class)
                .hasMessage("the variable UNSET is required but not set (set the database password)");
        assertThatThrownBy(() -> apply("${EMPTY:?must not be empty}"))
                .hasMessage("the variable EMPTY is required but empty (must not be empty)");
        assertThatThrownBy(() -> apply("${UNSET?}")).hasMessage("the variable UNSET is required but not set");
        assertThatThrownBy(() -> apply("${UNSET:?}")).hasMessage("the variable UNSET is required but not set");
    }

    @Test
    void operandsHoldFurtherReferences() {
        assertThat(apply("${UNSET:-${OTHER}}")).isEqualTo("other");
        assertThat(apply("${UNSET:-${ALSO_UNSET:-deep}}")).isEqualTo("deep");
        assertThat(apply("${UNSET:-$OTHER}")).isEqualTo("other");
        assertThat(apply("${SET:+${OTHER}-x}")).isEqualTo("other-x");
        assertThat(apply("${UNSET:-${OTHER}}/${SET}")).isEqualTo("other/value");
        assertThatThrownBy(() -> apply("${UNSET?$OTHER is needed}"))
                .hasMessage("the variable UNSET is required but not set (other is needed)");
    }

    @Test
    void anOperandIsOnlyReadWhenItIsUsed() {
        assertThat(apply("${SET:-${REQUIRED:?never read}}")).isEqualTo("value");
        assertThat(apply("${SET:-$NEVER_READ}")).isEqualTo("value");
        assertThat(unset).isEmpty();
    }

    @Test
    void aDoubleDollarIsALiteralDollar() {
        assertThat(apply("$$SET")).isEqualTo("$SET");
        assertThat(apply("$${SET}")).isEqualTo("${SET}");
        assertThat(apply("echo $$HOME && exit $$?")).isEqualTo("echo $HOME && exit $?");
        assertThat(apply("$$$SET")).isEqualTo("$value");
    }

    @Test
    void aDollarWithoutANameStaysAsItIs() {
        assertThat(apply("costs 5$")).isEqualTo("costs 5$");
        assertThat(apply("$1 and $ and $-")).isEqualTo("$1 and $ and $-");
        assertThat(apply("no dollar")).isEqualTo("no dollar");
    }

    @Test
    void aBracedReferenceComposeDoesNotKnowIsRefused() {
        String forms = "is not a variable reference compose knows: write ${NAME}, ${NAME:-default}, ${NAME-default},"
                + " ${NAME:?message}, ${NAME?message}, ${NAME:+replacement} or ${NAME+replacement}, and $$ for a"
                + " literal $";
        assertThatThrownBy(() -> apply("${SET/a/b}"))
                .isInstanceOf(Interpolation.InvalidReference.class)
                .hasMessage("'${SET/a/b}' " + forms);
        assertThatThrownBy(() -> apply("x ${}")).hasMessage("'${}' " + forms);
        assertThatThrownBy(() -> apply("${1A}")).hasMessage("'${1A}' " + forms);
        assertThatThrownBy(() -> apply("${SET:=x}")).hasMessage("'${SET:=x}' " + forms);
        assertThatThrownBy(() -> apply("a ${SET:-b")).hasMessage("'${SET:-b' " + forms);
        assertThatThrownBy(() -> apply("${UNSET:-${BAD/x}}")).hasMessage("'${BAD/x}' " + forms);
    }

    @Test
    void aDotEnvValueSeesTheVariablesFirstThenTheLinesAbove() {
        EnvFile.Expansion expansion = Interpolation.dotEnv(Map.of("HOST", "from-environment"), unset::add);

        assertThat(expansion.expand("${HOST}:${PORT}/${DB}", Map.of("HOST", "from-file", "PORT", "5432")))
                .isEqualTo("from-environment:5432/");
        assertThat(unset).containsExactly("DB");
    }
}

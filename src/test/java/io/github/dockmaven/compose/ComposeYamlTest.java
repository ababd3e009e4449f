package io.github.dockmaven.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dockmaven.core.BuildFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one file: YAML errors with their place, files that are not compose files, and alias bombs. */
class ComposeYamlTest {

    @TempDir
    Path dir;

    private ComposeProject project;

    @BeforeEach
    void project() {
        project = new ComposeProject(dir);
    }

    private void refuses(String compose, String message) {
        project.refuses(compose, message);
    }

    @Test
    void aMissingFileIsNamedRelativeToTheProject() {
        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("Compose file src/it/compose.yaml does not exist. Check the file names in <compose>.");
    }

    @Test
    void aFolderOrAFileThatIsNotUtf8IsRefused() throws Exception {
        Files.createDirectories(dir.resolve("src/it/compose"));
        assertThatThrownBy(() -> project.load("src/it/compose"))
                .hasMessage("Compose file src/it/compose is a folder; name the file in it, such as"
                        + " src/it/compose/compose.yaml.");

        Files.write(
                dir.resolve("src/it/compose.yaml"), "services:\n  caf\u00e9:\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> project.load("src/it/compose.yaml"))
                .hasMessage("Compose file src/it/compose.yaml is not UTF-8 text; save it as UTF-8, as compose reads"
                        + " it.");
    }

    @Test
    void aBadIndentIsReportedWithItsLineAndColumn() {
        refuses(
                "services:\n  web:\n    image: nginx\n   ports:\n      - 80\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 4, column 4: expected <block end>, but"
                        + " found '<block mapping start>' (while parsing a block mapping at line 2, column 3).");
    }

    @Test
    void anUnclosedFlowListIsReportedWithWhereItStarted() {
        refuses(
                "services:\n  web:\n    image: nginx\n    ports: [80, 443\n  db:\n    image: postgres\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 5, column 5: expected ',' or ']', but got"
                        + " : (while parsing a flow sequence at line 4, column 12).");
    }

    @Test
    void aDuplicateKeyIsRefusedAsComposeRefusesIt() {
        refuses(
                "services:\n  web:\n    image: nginx\n    image: httpd\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 4, column 5: found duplicate key image"
                        + " (while constructing a mapping at line 3, column 5).");
    }

    @Test
    void aTabIndentIsRefused() {
        refuses(
                "services:\n\tweb:\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 2, column 1: found character '\\t(TAB)'"
                        + " that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the"
                        + " next token).");
    }

    @Test
    void aMergeKeyOfAScalarIsRefused() {
        refuses(
                "x-tag: &tag latest\nservices:\n  web:\n    <<: *tag\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 5, column 1: Expected mapping node or an"
                        + " anchor referencing mapping.");
    }

    @Test
    void anUnknownAliasIsRefused() {
        refuses(
                "services:\n  web:\n    <<: *defaults\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 3, column 9: found undefined alias"
                        + " defaults.");
    }

    @Test
    void anUnknownTagIsRefused() {
        refuses(
                "services:\n  web:\n    ports: !ports []\n",
                "Compose file src/it/compose.yaml is not valid YAML at line 3, column 12: could not determine a"
                        + " constructor for the tag !ports.");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() {
        refuses(
                "- web\n- db\n",
                "Compose file src/it/compose.yaml is not a mapping of keys such as 'services' but a list.");
        refuses(
                "just text\n",
                "Compose file src/it/compose.yaml is not a mapping of keys such as 'services' but 'just text'.");
        refuses(
                "# nothing but a comment\n",
                "Compose file src/it/compose.yaml is empty; a compose file starts with 'services:'.");
        refuses("", "Compose file src/it/compose.yaml is empty; a compose file starts with 'services:'.");
        refuses("---\n", "Compose file src/it/compose.yaml is not a mapping of keys such as 'services' but empty.");
    }

    @Test
    void mergeKeysTakeOneMappingOrSeveralTheFirstWinning() {
        project.file(
                "compose.yaml",
                """
                x-base: &base {image: base:1, user: "1000", init: true}
                x-debug: &debug {user: root, privileged: true}
                services:
                  one:
                    <<: *base
                    init: false
                  two:
                    <<: [*debug, *base]
                    hostname: two
                """);

        Map<String, ComposeService> services = project.load("compose.yaml").services();

        assertThat(services.get("one").definition())
                .isEqualTo(Map.of("image", "base:1", "user", "1000", "init", false));
        assertThat(services.get("two").definition())
                .isEqualTo(
                        Map.of("image", "base:1", "user", "root", "init", true, "privileged", true, "hostname", "two"));
    }

    @Test
    void anAliasedBlockIsCopiedSoNoServiceChangesAnother() {
        project.file(
                        "compose.yaml",
                        """
                x-env: &env [A=1]
                services:
                  one:
                    environment: *env
                  two:
                    environment: *env
                """)
                .file("compose.override.yaml", "services:\n  one:\n    environment: [B=2]\n");

        Map<String, ComposeService> services =
                project.load("compose.yaml", "compose.override.yaml").services();

        assertThat(services.get("one").definition()).isEqualTo(Map.of("environment", Map.of("A", "1", "B", "2")));
        assertThat(services.get("two").definition()).isEqualTo(Map.of("environment", List.of("A=1")));
    }

    @Test
    void scalarsAreReadWithYaml12CoreTypesAsComposeReadsThem() {
        project.file(
                "compose.yaml",
                "services:\n  web:\n    ports: [8080:80, 22:22]\n    environment:\n      FLAG: yes\n      ON: on\n"
                        + "      T: True\n      N: 0x1F\n      F: 1.5\n      NOTHING:\n      MODE: 0755\n");

        Map<String, Object> web = project.definition("web", "compose.yaml");

        assertThat(web.get("ports")).isEqualTo(List.of("8080:80", "22:22"));
        Map<String, Object> environment = new HashMap<>();
        environment.put("FLAG", "yes");
        environment.put("ON", "on");
        environment.put("T", true);
        environment.put("N", 31);
        environment.put("F", 1.5);
        environment.put("NOTHING", null);
        environment.put("MODE", 755);
        assertThat(web.get("environment")).isEqualTo(environment);
    }

    /** Nine levels of nine aliases each to the level below: a billion laughs. */
    private static String billionLaughs() {
        StringBuilder bomb = new StringBuilder("x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            bomb.append("x-").append(level).append(": &").append(level).append(" [");
            bomb.append(String.join(", ", Collections.nCopies(9, "*" + (char) (level - 1))));
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    @Test
    void aBillionLaughsIsStoppedBeforeItExpands() {
        refuses(
                billionLaughs() + "services:\n  web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml holds more than 100000 values once its aliases are expanded; that"
                        + " is an alias bomb, not a test environment.");
    }

    @Test
    void anAliasInsideWhatItRefersToIsRefused() {
        refuses(
                "x-self: &self\n  again: *self\nservices:\n  web:\n    image: nginx\n",
                "Compose file src/it/compose.yaml has an alias inside the list or mapping it refers to; compose cannot"
                        + " read a value that contains itself.");
    }

    @Test
    void moreThanAThousandAliasesToListsOrMappingsAreRefused() {
        refuses(
                "x-a: &a [lol]\nx-b: [" + String.join(", ", Collections.nCopies(1001, "*a")) + "]\n",
                "Compose file src/it/compose.yaml cannot be read as YAML: Number of aliases for non-scalar nodes"
                        + " exceeds the specified max=1000.");
    }

    @Test
    void sixtyServicesSharingDefaultsThroughMergeKeysAreFine() {
        StringBuilder compose = new StringBuilder("x-defaults: &defaults {image: busybox:1, init: true}\nservices:\n");
        for (int i = 0; i < 60; i++) {
            compose.append("  job").append(i).append(":\n    <<: *defaults\n");
        }
        project.file("compose.yaml", compose.toString());

        assertThat(project.load("compose.yaml").services()).hasSize(60);
    }
}

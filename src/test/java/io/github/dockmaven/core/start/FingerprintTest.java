package io.github.dockmaven.core.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dockmaven.core.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static Map<String, Object> parts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("image", "sha256:1111");
        parts.put("command", List.of("redis-server", "--save", ""));
        parts.put("env", Map.of("A", "1", "B", "2"));
        parts.put("ports", List.of("6379/tcp"));
        parts.put("name", null);
        return parts;
    }

    private static Fingerprint with(String part, Object value) {
        Map<String, Object> parts = parts();
        parts.put(part, value);
        return Fingerprint.of(parts);
    }

    @Test
    void theSameConfigurationHasTheSameHash() {
        assertThat(Fingerprint.of(parts()).hash())
                .isEqualTo(Fingerprint.of(parts()).hash())
                .hasSize(16);
    }

    @Test
    void aChangeOfAnyPartChangesTheHash() {
        String hash = Fingerprint.of(parts()).hash();

        assertThat(List.of(
                        with("image", "sha256:2222"),
                        with("command", List.of("redis-server")),
                        with("env", Map.of("A", "1", "B", "3")),
                        with("ports", List.of("6380/tcp")),
                        with("name", "fixed")))
                .extracting(Fingerprint::hash)
                .doesNotContain(hash)
                .doesNotHaveDuplicates();
    }

    @Test
    void theOrderOfAMapDoesNotCountButTheOrderOfAListDoes() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("B", "2");
        reversed.put("A", "1");

        assertThat(with("env", reversed).hash())
                .isEqualTo(Fingerprint.of(parts()).hash());
        assertThat(with("command", List.of("--save", "", "redis-server")).hash())
                .isNotEqualTo(Fingerprint.of(parts()).hash());
    }

    @Test
    void noValueCanPassForASeparatorOfTwoOthers() {
        assertThat(with("command", List.of("a", "b")).hash())
                .isNotEqualTo(with("command", List.of("ab")).hash())
                .isNotEqualTo(with("command", List.of("1:a1:b")).hash());
    }

    @Test
    void theLabelsCarryTheHashAndTellWhichPartsChanged() {
        Map<String, String> labels = Fingerprint.of(parts()).labels();
        Map<String, Object> parts = parts();
        parts.put("env", Map.of("A", "1"));
        parts.put("image", "sha256:2222");
        Fingerprint changed = Fingerprint.of(parts);

        assertThat(labels).containsEntry(Labels.REUSE, Fingerprint.of(parts()).hash());
        assertThat(Fingerprint.of(parts()).matches(labels)).isTrue();
        assertThat(changed.matches(labels)).isFalse();
        assertThat(changed.changedFrom(labels)).containsExactly("image", "env");
    }

    @Test
    void aContainerWhoseLabelsDoNotListThePartsHasChangedInEveryPart() {
        assertThat(Fingerprint.of(parts()).changedFrom(Map.of(Labels.REUSE, "0123456789abcdef")))
                .containsExactly("image", "command", "env", "ports", "name");
    }
}

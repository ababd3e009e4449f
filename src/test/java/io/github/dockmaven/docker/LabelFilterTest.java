package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFilterTest {

    @Test
    void aResourceMatchesOnlyWhenItCarriesEveryLabelWithItsValue() {
        Map<String, String> ours = Map.of("managed", "true", "session", "s1", "mode", "lifecycle");

        assertThat(Answers.carriesAll(ours, Map.of("managed", "true", "session", "s1")))
                .isTrue();
        assertThat(Answers.carriesAll(ours, Map.of("managed", "true", "session", "s2")))
                .isFalse();
        assertThat(Answers.carriesAll(Map.of("managed", "true"), Map.of("managed", "true", "session", "s1")))
                .isFalse();
        assertThat(Answers.carriesAll(null, Map.of("managed", "true"))).isFalse();
        assertThat(Answers.carriesAll(null, Map.of())).isTrue();
    }

    @Test
    void aLabelAskedForWithoutValueNeedsOnlyTheKey() {
        Map<String, String> wanted = new HashMap<>();
        wanted.put("session", null);

        assertThat(Answers.carriesAll(Map.of("session", "any"), wanted)).isTrue();
        assertThat(Answers.carriesAll(Map.of("other", "x"), wanted)).isFalse();
    }
}

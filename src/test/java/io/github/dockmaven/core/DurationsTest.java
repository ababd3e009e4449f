package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, 500",
        "3s, 3000",
        "1m, 60000",
        "1m30s, 90000",
        "2h, 7200000",
        "1h1m1s1ms, 3661001",
        "' 10S ', 10000",
        "0s, 0",
        "45, 45000"
    })
    void parsesWhatUsersWrite(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "1.5s", "3 s", "3sec", "1m30", "-1s", "ten seconds", "3s3"})
    void rejectsAnythingElseWithExamples(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration such as 500ms, 3s, 1m or 1m30s");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0ms",
        "250, 250ms",
        "999, 999ms",
        "1000, 1s",
        "1800, 1.8s",
        "1999, 2s",
        "1049, 1s",
        "1050, 1.1s",
        "59900, 59.9s",
        "59999, 1m",
        "60000, 1m",
        "125000, 2m5s",
        "3600000, 60m"
    })
    void formatsTheWayUsersWrite(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}

package io.github.dockmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void bytesAreFormattedForPeople() {
        assertThat(ByteSizes.format(999)).isEqualTo("999 B");
        assertThat(ByteSizes.format(12_300_000)).isEqualTo("12.3 MB");
        assertThat(ByteSizes.format(1_500)).isEqualTo("1.5 kB");
        assertThat(ByteSizes.format(2_000_000_000_000_000L)).isEqualTo("2000.0 TB");
    }
}

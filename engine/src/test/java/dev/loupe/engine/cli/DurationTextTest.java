package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void parsesTheUsualUnits() {
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse(" 1H ")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String bad : new String[] {"ten", "10", "-1s", "5d", "1.s", ""}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
                    .hasMessageContaining("is not a duration (expected: a number and a unit");
        }
        assertThatThrownBy(() -> DurationText.parse("100000h")).hasMessageContaining("at most a year");
    }

    @Test
    void formatsBackToWhatItReads() {
        for (String text : new String[] {"250ms", "10s", "1.50s", "2m", "1h", "90s", "0ms"}) {
            Duration d = DurationText.parse(text);
            assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
        }
        assertThat(DurationText.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(DurationText.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}

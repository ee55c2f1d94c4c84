package dev.loupe.engine.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "30s, PT30S",
        "1.5s, PT1.5S",
        "2m, PT2M",
        "1h, PT1H",
        "50us, PT0.00005S",
        "50µs, PT0.00005S",
        "7ns, PT0.000000007S",
        "0s, PT0S"
    })
    void parsesANumberAndAUnit(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 parsecs", "5", "5 s", "-5s", "5S", "", "s", "1.5ns", "1e3ms", "5sec"})
    void refusesAnythingElseNamingTheTextAndTheSyntax(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"" + text + "\" (expected: a duration with a unit");
    }

    @Test
    void saysWhatWasWrongWithTheBadDurationOfTheBrief() {
        assertThatThrownBy(() -> Durations.parse("5 parsecs"))
                .hasMessage("\"5 parsecs\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m; units: ns, us, ms, s, m, h)");
    }

    @ParameterizedTest
    @CsvSource({"PT30S, 30s", "PT1.5S, 1500ms", "PT2M, 2m", "PT90S, 90s", "PT0S, 0s", "PT0.00005S, 50us", "PT1H, 1h"})
    void formatsInTheLargestExactUnit(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}

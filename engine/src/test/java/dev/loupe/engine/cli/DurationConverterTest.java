package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Duration options read the scenario files' syntax; a bad value is a usage error naming it. */
class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheScenarioSyntax() {
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValueIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> converter.convert("10 parsecs"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("\"10 parsecs\"")
                .hasMessageContaining("expected: a duration with a unit");
    }
}

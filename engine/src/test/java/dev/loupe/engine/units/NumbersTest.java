package dev.loupe.engine.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource(delimiter = '=', value = {
            "0 = 0 ms",
            "0.001 = 1.00 µs",
            "0.087 = 87.0 µs",
            "0.8 = 800 µs",
            "0.9994 = 999 µs",
            "0.9996 = 1.00 ms",
            "1 = 1.00 ms",
            "2.851 = 2.85 ms",
            "2.855 = 2.86 ms",
            "56.787 = 56.8 ms",
            "999.5 = 1.00 s",
            "1400.898 = 1.40 s",
            "61234 = 61.2 s",
            "1234567 = 1230 s"})
    void latenciesHaveThreeSignificantDigitsAndAUnit(double ms, String expected) {
        assertThat(Numbers.latencyMs(ms)).isEqualTo(expected);
    }

    @Test
    void countsRatesAndPercentsIgnoreTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            assertThat(Numbers.count(1_234_567)).isEqualTo("1,234,567");
            assertThat(Numbers.rateRps(1957.66)).isEqualTo("1,957.7 req/s");
            assertThat(Numbers.percent(0.11904)).isEqualTo("0.119 %");
            assertThat(Numbers.percent(0)).isEqualTo("0 %");
            assertThat(Numbers.seconds(29.84)).isEqualTo("29.8 s");
            assertThat(Numbers.plain(50)).isEqualTo("50");
            assertThat(Numbers.plain(0.25)).isEqualTo("0.25");
            assertThat(Numbers.significant(1957.7)).isEqualTo("1960");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void dataAndMemoryHaveThreeSignificantDigits() {
        assertThat(Numbers.bytes(512)).isEqualTo("512 B");
        assertThat(Numbers.bytes(4198)).isEqualTo("4.10 KiB");
        assertThat(Numbers.bytes(52.31 * 1024 * 1024)).isEqualTo("52.3 MiB");
        assertThat(Numbers.bytes(1024 * 1024)).isEqualTo("1.00 MiB");
        assertThat(Numbers.megabytes(12.345)).isEqualTo("12.3 MB");
        assertThat(Numbers.megabytes(1234)).isEqualTo("1230 MB");
    }

    @Test
    void settingsAreWrittenExactly() {
        assertThat(Numbers.exactSize(16 * 1024)).isEqualTo("16KiB");
        assertThat(Numbers.exactSize(1536)).isEqualTo("1536B");
        assertThat(Numbers.exactSize(3L << 30)).isEqualTo("3GiB");
        assertThat(Numbers.partsPerMillionAsPercent(5_000)).isEqualTo("0.5%");
        assertThat(Numbers.count(1, "connection")).isEqualTo("1 connection");
        assertThat(Numbers.count(1024, "connection")).isEqualTo("1,024 connections");
    }
}

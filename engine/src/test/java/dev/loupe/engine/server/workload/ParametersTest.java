package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final Duration US = Duration.ofNanos(1_000);
    private static final Duration TEN_S = Duration.ofSeconds(10);

    @Test
    void durationsUseTheEnginesSyntaxWithinBounds() {
        assertThat(Parameters.duration("t", "100us", US, TEN_S)).isEqualTo(Duration.ofNanos(100_000));
        assertThat(Parameters.duration("t", "100µs", US, TEN_S)).isEqualTo(Duration.ofNanos(100_000));
        assertThat(Parameters.duration("t", "1.5ms", US, TEN_S)).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(Parameters.duration("t", "1us", US, TEN_S)).isEqualTo(US);
        assertThat(Parameters.duration("t", "10s", US, TEN_S)).isEqualTo(TEN_S);
    }

    @Test
    void badDurationsNameTheValueAndTheRule() {
        assertThatThrownBy(() -> Parameters.duration("sleep time", "0ms", US, TEN_S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sleep time '0ms' (expected: 1us..10s)");
        assertThatThrownBy(() -> Parameters.duration("sleep time", "11s", US, TEN_S))
                .hasMessage("sleep time '11s' (expected: 1us..10s)");
        assertThatThrownBy(() -> Parameters.duration("sleep time", "100", US, TEN_S))
                .hasMessage("sleep time '100' (expected: a duration with a unit, 1us..10s, e.g. 100us or 1ms;"
                        + " units: ns, us, ms, s)");
        assertThatThrownBy(() -> Parameters.duration("cpu time", "-1ms", US, TEN_S))
                .hasMessageStartingWith("cpu time '-1ms' (expected: a duration with a unit");
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertThat(Parameters.bytes("s", "512B", 1, 1L << 30)).isEqualTo(512);
        assertThat(Parameters.bytes("s", "16KiB", 1, 1L << 30)).isEqualTo(16 * 1024);
        assertThat(Parameters.bytes("s", "16kib", 1, 1L << 30)).as("any case").isEqualTo(16 * 1024);
        assertThat(Parameters.bytes("s", "1MiB", 1, 1L << 30)).isEqualTo(1024 * 1024);
        assertThat(Parameters.bytes("s", "1GiB", 1, 1L << 30)).isEqualTo(1L << 30);
        assertThat(dev.loupe.engine.units.Numbers.exactSize(16 * 1024)).isEqualTo("16KiB");
        assertThat(dev.loupe.engine.units.Numbers.exactSize(1536)).isEqualTo("1536B");
        assertThat(dev.loupe.engine.units.Numbers.exactSize(3L << 30)).isEqualTo("3GiB");
    }

    @Test
    void badSizesNameTheValueAndTheRule() {
        assertThatThrownBy(() -> Parameters.bytes("allocation size", "16KB", 1, 64L << 20))
                .hasMessage("allocation size '16KB' (expected: a whole number and a unit B, KiB, MiB or GiB"
                        + " (1KiB = 1024 bytes), 1B..64MiB, e.g. 16KiB)");
        assertThatThrownBy(() -> Parameters.bytes("allocation size", "lots", 1, 64L << 20))
                .hasMessage("allocation size 'lots' (expected: a whole number and a unit B, KiB, MiB or GiB,"
                        + " 1B..64MiB, e.g. 16KiB)");
        assertThatThrownBy(() -> Parameters.bytes("allocation size", "0B", 1, 64L << 20))
                .hasMessage("allocation size '0B' (expected: 1B..64MiB)");
        assertThatThrownBy(() -> Parameters.bytes("allocation size", "65MiB", 1, 64L << 20))
                .hasMessage("allocation size '65MiB' (expected: 1B..64MiB)");
        assertThatThrownBy(() -> Parameters.bytes("allocation size", "999999999999GiB", 1, 64L << 20))
                .as("no overflow").hasMessage("allocation size '999999999999GiB' (expected: 1B..64MiB)");
    }

    @Test
    void percentagesBecomePartsPerMillion() {
        assertThat(Parameters.partsPerMillion("f", "10%")).isEqualTo(100_000);
        assertThat(Parameters.partsPerMillion("f", "0%")).isZero();
        assertThat(Parameters.partsPerMillion("f", "100%")).isEqualTo(1_000_000);
        assertThat(Parameters.partsPerMillion("f", "0.5%")).isEqualTo(5_000);
        assertThat(Parameters.partsPerMillion("f", "0.0001%")).isEqualTo(1);
        assertThat(dev.loupe.engine.units.Numbers.partsPerMillionAsPercent(100_000)).isEqualTo("10%");
        assertThat(dev.loupe.engine.units.Numbers.partsPerMillionAsPercent(5_000)).isEqualTo("0.5%");
        assertThat(dev.loupe.engine.units.Numbers.partsPerMillionAsPercent(0)).isEqualTo("0%");
    }

    @Test
    void badPercentagesNameTheValueAndTheRule() {
        assertThatThrownBy(() -> Parameters.partsPerMillion("failure share", "10"))
                .hasMessage("failure share '10' (expected: a percentage 0%..100% with the percent sign, e.g. 10%"
                        + " or 0.5%)");
        assertThatThrownBy(() -> Parameters.partsPerMillion("failure share", "150%"))
                .hasMessage("failure share '150%' (expected: 0%..100%)");
        assertThatThrownBy(() -> Parameters.partsPerMillion("failure share", "-5%"))
                .hasMessageStartingWith("failure share '-5%' (expected: a percentage");
        assertThatThrownBy(() -> Parameters.partsPerMillion("failure share", "0.00001%"))
                .as("finer than a part per million").hasMessageStartingWith("failure share '0.00001%' (expected");
    }
}

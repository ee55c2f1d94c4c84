package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules are pure: numbers in, numbers out, no clock and no sleeping. */
class ArrivalScheduleTest {
    private static final long MS = 1_000_000L;

    @Test
    void constantRateIsEvenlySpaced() {
        ArrivalSchedule.Arrivals a = ArrivalSchedule.constant(1000).arrivals();
        assertThat(a.intendedStartNs(0)).isZero();
        assertThat(a.intendedStartNs(1)).isEqualTo(MS);
        assertThat(a.intendedStartNs(2500)).isEqualTo(2500 * MS);
        assertThat(ArrivalSchedule.constant(3).arrivals().intendedStartNs(1)).isEqualTo(333_333_333L);
        assertThat(ArrivalSchedule.constant(0).arrivals().intendedStartNs(0)).isEqualTo(ArrivalSchedule.NEVER);
    }

    @Test
    void rampFollowsTheIntegralOfALinearRate() {
        // 0 → 100 rps over 10 s: n(t) = 5 t², so request n starts at sqrt(n / 5) s; then 100 rps holds.
        ArrivalSchedule ramp = ArrivalSchedule.ramp(List.of(new ArrivalSchedule.Stage(0, 100, Duration.ofSeconds(10))));
        ArrivalSchedule.Arrivals a = ramp.arrivals();
        assertThat(a.intendedStartNs(0)).isZero();
        assertThat(a.intendedStartNs(5) / 1e9).isCloseTo(1.0, within(1e-6));
        assertThat(a.intendedStartNs(125) / 1e9).isCloseTo(5.0, within(1e-6));
        assertThat(a.intendedStartNs(500) / 1e9).isCloseTo(10.0, within(1e-6));
        assertThat(a.intendedStartNs(600) / 1e9).as("holds the last rate").isCloseTo(11.0, within(1e-6));
        assertThat(ramp.rateRpsAt(5_000 * MS)).isCloseTo(50, within(1e-9));
        for (long n = 1; n < 700; n++) {
            assertThat(a.intendedStartNs(n)).isGreaterThanOrEqualTo(a.intendedStartNs(n - 1));
        }
    }

    @Test
    void multiStageRampDownToZeroEnds() {
        ArrivalSchedule ramp = ArrivalSchedule.ramp(List.of(
                new ArrivalSchedule.Stage(100, 100, Duration.ofSeconds(1)),
                new ArrivalSchedule.Stage(100, 0, Duration.ofSeconds(2))));
        ArrivalSchedule.Arrivals a = ramp.arrivals();
        assertThat(a.intendedStartNs(50) / 1e9).isCloseTo(0.5, within(1e-6));
        // second stage: 100 requests over 2 s; the 100th more would start exactly at the end
        assertThat(a.intendedStartNs(199) / 1e9).isLessThan(3.0);
        assertThat(a.intendedStartNs(200)).isEqualTo(ArrivalSchedule.NEVER);
    }

    @Test
    void poissonHasTheRightMeanAndIsDeterministicForASeed() {
        double rateRps = 500;
        ArrivalSchedule.Arrivals a = ArrivalSchedule.poisson(rateRps, 42).arrivals();
        int n = 50_000;
        double sum = 0;
        double sumSquares = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long t = a.intendedStartNs(i);
            double gap = t - previous;
            assertThat(gap).isNotNegative();
            sum += gap;
            sumSquares += gap * gap;
            previous = t;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSquares / n - mean * mean);
        assertThat(mean / 1e6).as("mean gap in ms").isCloseTo(2.0, within(0.05));
        assertThat(sd / mean).as("exponential gaps: standard deviation ≈ mean").isCloseTo(1.0, within(0.05));

        ArrivalSchedule.Arrivals again = ArrivalSchedule.poisson(rateRps, 42).arrivals();
        ArrivalSchedule.Arrivals other = ArrivalSchedule.poisson(rateRps, 43).arrivals();
        assertThat(again.intendedStartNs(1234)).isEqualTo(ArrivalSchedule.poisson(rateRps, 42).arrivals().intendedStartNs(1234));
        assertThat(other.intendedStartNs(1234)).isNotEqualTo(again.intendedStartNs(1234));
        // random access, backwards and strided, gives the same answers as reading in order
        assertThat(again.intendedStartNs(10)).isEqualTo(ArrivalSchedule.poisson(rateRps, 42).arrivals().intendedStartNs(10));
        assertThat(again.intendedStartNs(49_999)).isEqualTo(previous);
    }

    @Test
    void badRatesAreRefusedWithTheField() {
        assertThatThrownBy(() -> ArrivalSchedule.constant(-1)).hasMessageContaining("rateRps: -1 (expected: 0..10000000 requests per second)");
        assertThatThrownBy(() -> ArrivalSchedule.constant(Double.NaN)).hasMessageContaining("rateRps");
        assertThatThrownBy(() -> ArrivalSchedule.ramp(List.of())).hasMessageContaining("stages: empty");
        assertThatThrownBy(() -> new ArrivalSchedule.Stage(1, 2, Duration.ZERO)).hasMessageContaining("duration");
    }
}

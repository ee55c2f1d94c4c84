package dev.loupe.engine.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.report.compare.Comparison.Change;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparerTest {
    private static Comparison.Row row(Comparison c, String metric) {
        return c.rows().stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void aSignificantDropInThroughputBeyondTheAllowanceIsARegression() {
        Comparison c = Comparer.compare(SeededComparisons.base(), SeededComparisons.candidate(), 5);

        assertThat(c.regressed()).isTrue();
        assertThat(c.basis()).isEqualTo(Comparison.Basis.SECONDS);
        assertThat(row(c, "summary.throughputRps").change()).isEqualTo(Change.WORSE);
        assertThat(row(c, "summary.throughputRps").deltaPct()).isCloseTo(-10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row(c, "summary.throughputRps").pValue()).isLessThan(Comparison.ALPHA);
        assertThat(row(c, "summary.latencyMs.p99").change()).isEqualTo(Change.WORSE);
        assertThat(row(c, "telemetry.gc.pauseMsTotal").change()).isEqualTo(Change.SAME);
        assertThat(row(c, "summary.latencyMs.p50").change()).as("no per-second values").isEqualTo(Change.NOT_TESTED);
        assertThat(c.verdict().reasons()).first().asString().startsWith("throughput −10.0 % (p < 0.001), beyond the allowed 5 %");
        assertThat(c.appeared()).extracting(RunSample.FoundIssue::rule).containsExactly("gc-pressure");
        assertThat(c.gone()).extracting(RunSample.FoundIssue::rule).containsExactly("dispatch-blocked");
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("one run on a side"));
    }

    @Test
    void theSameRunsAreNoChangeAndAllowanceAboveTheDropIsNoRegression() {
        Comparison self = Comparer.compare(SeededComparisons.base(), SeededComparisons.base(), 5);
        Comparison allowed = Comparer.compare(SeededComparisons.base(), SeededComparisons.candidate(), 25);

        assertThat(self.verdict().kind()).isEqualTo(Comparison.Kind.NO_CHANGE);
        assertThat(self.rows()).allMatch(r -> r.change() == Change.SAME);
        assertThat(allowed.regressed()).as("a 10 % drop is within 25 %").isFalse();
    }

    @Test
    void aDifferenceWithinTheSecondsNoiseIsNotSignificant() {
        List<RunSample> noisy = List.of(SeededComparisons.run("runs/noisy", 1990, 4.2, 12.5, 0.2, List.of()));

        Comparison c = Comparer.compare(SeededComparisons.base(), noisy, 0);

        assertThat(row(c, "summary.throughputRps").change()).isEqualTo(Change.NOT_SIGNIFICANT);
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void severalRunsPerSideAreTestedOnTheRunsAndLatencyPercentilesWithoutJournalsAreMedians() {
        List<RunSample> base = List.of(SeededComparisons.run("b1", 2000, 4.0, 10, 0.01, List.of()),
                SeededComparisons.run("b2", 2010, 4.2, 11, 0.01, List.of()),
                SeededComparisons.run("b3", 1990, 4.4, 12, 0.01, List.of()));
        List<RunSample> candidate = List.of(SeededComparisons.run("c1", 1700, 5.0, 10, 0.01, List.of()),
                SeededComparisons.run("c2", 1710, 5.2, 11, 0.01, List.of()),
                SeededComparisons.run("c3", 1690, 5.4, 12, 0.01, List.of()));

        Comparison c = Comparer.compare(base, candidate, 5);

        assertThat(c.basis()).isEqualTo(Comparison.Basis.RUNS);
        assertThat(row(c, "summary.throughputRps").base()).isEqualTo(2000);
        assertThat(row(c, "summary.latencyMs.p99").candidate()).isEqualTo(5.2);
        assertThat(row(c, "summary.throughputRps").change()).isEqualTo(Change.WORSE);
        assertThat(row(c, "telemetry.gc.pauseMsTotal").change()).isEqualTo(Change.SAME);
        assertThat(c.regressed()).isTrue();
        assertThat(c.warnings()).noneMatch(w -> w.startsWith("one run on a side"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary.latencyMs.p99", "summary.uncorrectedLatencyMs.p99", "summary.errorRatePct", "telemetry.dispatchDelayMs.p99",
        "telemetry.gc.pauseMsTotal", "summary.errors.total"})
    void latencyErrorsDelaysAndPausesAreBetterLow(String metric) {
        assertThat(Comparer.better(metric)).isEqualTo(Comparison.Better.LOWER);
    }

    @Test
    void throughputIsBetterHighAndCountsAreNeither() {
        assertThat(Comparer.better("summary.throughputRps")).isEqualTo(Comparison.Better.HIGHER);
        assertThat(Comparer.better("summary.requests")).isEqualTo(Comparison.Better.NEITHER);
        assertThat(Comparer.better("telemetry.threads.platformMax")).isEqualTo(Comparison.Better.NEITHER);
        assertThat(String.format(Locale.ROOT, "%s", Comparer.signedPercent(-0.04))).isEqualTo("+0.0 %");
    }
}

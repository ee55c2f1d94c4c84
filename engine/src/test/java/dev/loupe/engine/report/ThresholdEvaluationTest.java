package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Comparison;
import dev.loupe.engine.scenario.Threshold;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdEvaluationTest {
    private final RunResult run = SeededRun.open();
    private final JsonNode document = ResultJson.measured(run, Path.of("runs"));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "summary.latencyMs.p99<50, 56.787, false",
            "summary.latencyMs.p99<=56.787, 56.787, true",
            "summary.latencyMs.p99>56.787, 56.787, false",
            "summary.errors.total==7, 7, true",
            "summary.errors.timeout>=5, 5, true",
            "summary.requests>5880, 5880, false",
            "summary.generator.behindScheduleMs<1000, 1234, false",
            "summary.uncorrectedLatencyMs.p99<5, 4.764, true",
            "findings.red==0, 1, false",
            "findings.yellow<=1, 1, true"})
    void aPathOrDerivedCountIsComparedWithItsLimit(String expression, double actual, boolean passed) {
        ThresholdResult result = ThresholdEvaluation.evaluate(document, Threshold.parse(expression));

        assertThat(result.actual()).isEqualTo(OptionalDouble.of(actual));
        assertThat(result.passed()).isEqualTo(passed);
        assertThat(result.note()).isEmpty();
    }

    @Test
    void aMissingPartFailsWithANoteInsteadOfThrowing() {
        var withoutTelemetry = ResultJson.measured(SeededRun.closedInterrupted(), Path.of("runs"));
        ThresholdResult gc = ThresholdEvaluation.evaluate(withoutTelemetry, new Threshold("telemetry.gc.pauses", Comparison.LESS, 5));
        ThresholdResult jobs = ThresholdEvaluation.evaluate(document, new Threshold("jobs.completed", Comparison.GREATER, 0));

        assertThat(gc.passed()).isFalse();
        assertThat(gc.actual()).isEmpty();
        assertThat(gc.note()).contains("result.json has no telemetry (telemetry was off, or this result predates it)");
        assertThat(gc.verdict()).isEqualTo("FAILED telemetry.gc.pauses < 5: no value"
                + " (result.json has no telemetry (telemetry was off, or this result predates it))");
        assertThat(jobs.note()).contains("result.json has no jobs (only job workloads report jobs)");
    }

    @Test
    void aValueThatIsNotANumberFailsWithANote() {
        var doc = ResultJson.measured(run, Path.of("runs"));
        doc.withObject("summary").withObject("latencyMs").put("p99", "fast");
        doc.withObject("summary").withObject("errors").putNull("total");
        doc.withObject("summary").withObject("latencyMs").put("max", Double.NaN);

        assertThat(ThresholdEvaluation.evaluate(doc, Threshold.parse("summary.latencyMs.p99<50")).note())
                .contains("summary.latencyMs.p99 is text, not a number");
        assertThat(ThresholdEvaluation.evaluate(doc, Threshold.parse("summary.errors.total==0")).note())
                .contains("summary.errors.total is null, not a number");
        assertThat(ThresholdEvaluation.evaluate(doc, Threshold.parse("summary.latencyMs.max<50")).note())
                .contains("summary.latencyMs.max is NaN, not a finite number");
        assertThat(ThresholdEvaluation.lookup(doc, "summary.requests.deeper"))
                .isEqualTo(new ThresholdEvaluation.Lookup.Missing("summary.requests is a number, not an object with deeper"));
    }

    @Test
    void theScenariosThresholdsComeFirstThenTheExtraOnes() {
        RunReport report = RunReport.of(run, SeededRun.extraThresholds());

        assertThat(report.thresholds()).extracting(ThresholdResult::name).containsExactly(
                "summary.latencyMs.p99 < 50", "summary.errorRatePct < 1", "findings.red == 0",
                "jobs.completed > 0", "summary.throughputRps >= 1500");
        assertThat(report.thresholds()).extracting(ThresholdResult::passed).containsExactly(false, true, false, false, true);
        assertThat(report.passed()).isFalse();
        assertThat(report.failedThresholds()).extracting(ThresholdResult::verdict).containsExactly(
                "FAILED summary.latencyMs.p99 < 50: actual 56.787",
                "FAILED findings.red == 0: actual 1",
                "FAILED jobs.completed > 0: no value (result.json has no jobs (only job workloads report jobs))");
    }

    @Test
    void noThresholdsPass() {
        RunReport report = RunReport.of(SeededRun.closedInterrupted());

        assertThat(report.thresholds()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aResultWithoutAnActualValueMustFailAndSayWhy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ThresholdResult("summary.requests", "> 0", 0,
                        OptionalDouble.empty(), true, Optional.of("why")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ThresholdResult("summary.requests", "> 0", 0,
                        OptionalDouble.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKnownSummaryMetricResolvesToANumber() {
        List<String> summaryMetrics = dev.loupe.engine.scenario.ThresholdMetrics.KNOWN.stream()
                .filter(m -> m.startsWith("summary.") || m.startsWith("findings.")).toList();

        assertThat(summaryMetrics).hasSizeGreaterThan(30);
        for (String metric : summaryMetrics) {
            assertThat(ThresholdEvaluation.lookup(document, metric)).as(metric)
                    .isInstanceOf(ThresholdEvaluation.Lookup.Number.class);
        }
    }
}

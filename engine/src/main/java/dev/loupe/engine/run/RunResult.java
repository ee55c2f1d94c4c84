package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a finished run measured, describing itself: reports are pure functions of it.
 *
 * @param scenario the resolved scenario that ran
 * @param environment where it ran
 * @param startedAt wall-clock start, for the run folder's name and the reports' headings
 * @param outcome whether it ran to the end
 * @param serverUrl the address the server under test listened on
 * @param summary the measured part (warm-up excluded)
 * @param intervals one entry per second (at most {@link #MAX_INTERVALS}), warm-up included and marked
 * @param latency the measured part's corrected latency histogram, for {@code latency.hlog} and comparison
 * @param uncorrectedLatency the same from the actual send
 * @param telemetry what the JVM did over the measured part; null when telemetry was off
 * @param notes what did not work as it should and what that means for the numbers, in plain words
 *     (e.g. the JFR stream could not start); empty when all went well
 * @param findings what the rules found, worst first
 */
public record RunResult(
        Scenario scenario,
        Environment environment,
        Instant startedAt,
        RunOutcome outcome,
        String serverUrl,
        LoadSummary summary,
        List<SecondInterval> intervals,
        LatencyHistogram latency,
        LatencyHistogram uncorrectedLatency,
        TelemetrySummary telemetry,
        List<String> notes,
        List<Finding> findings) {

    /** The most entries a per-second series keeps; longer runs merge neighbouring seconds. */
    public static final int MAX_INTERVALS = 3600;

    public RunResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency");
        intervals = List.copyOf(intervals);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    /** A result without telemetry or notes. */
    public RunResult(Scenario scenario, Environment environment, Instant startedAt, RunOutcome outcome, String serverUrl,
            LoadSummary summary, List<SecondInterval> intervals, LatencyHistogram latency,
            LatencyHistogram uncorrectedLatency, List<Finding> findings) {
        this(scenario, environment, startedAt, outcome, serverUrl, summary, intervals, latency, uncorrectedLatency,
                null, List.of(), findings);
    }
}

package dev.loupe.engine.report.compare;

import dev.loupe.engine.measure.LatencyHistogram;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as a comparison reads it.
 *
 * @param source the folder or file it came from, as the user gave it
 * @param scenario the scenario's name
 * @param outcome {@code result.json}'s {@code outcome}
 * @param metrics every number of {@code summary} and {@code telemetry} by its path (e.g. {@code
 *     summary.latencyMs.p99}), in document order
 * @param seconds for the metrics that have one, their value in each measured second, in order
 * @param latency the measured part's corrected latencies merged from the journal; empty without one
 * @param findings the yellow and red findings
 */
public record RunSample(String source, String scenario, String outcome, Map<String, Double> metrics,
        Map<String, double[]> seconds, Optional<LatencyHistogram> latency, List<FoundIssue> findings) {
    public RunSample {
        Objects.requireNonNull(source, "source");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        seconds = Map.copyOf(seconds);
        Objects.requireNonNull(latency, "latency");
        findings = List.copyOf(findings);
    }

    /**
     * A finding as a comparison tells it apart: by its rule and severity.
     *
     * @param rule the rule's id
     * @param severity {@code yellow} or {@code red}
     * @param title what it said
     */
    public record FoundIssue(String rule, String severity, String title) {}
}

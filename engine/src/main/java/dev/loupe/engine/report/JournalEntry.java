package dev.loupe.engine.report;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.series.SecondInterval;
import java.util.Objects;

/**
 * One interval line of {@code journal.jsonl}: the interval as {@code result.json}'s
 * {@code intervals[]} has it, plus its latency histograms, from which a rebuild recomputes
 * whole-run percentiles and writes {@code latency.hlog}.
 *
 * @param interval what the clients saw in the interval
 * @param latency its corrected latencies (nanoseconds); empty when none were given or none finished
 * @param uncorrectedLatency the same from the actual send
 */
public record JournalEntry(SecondInterval interval, LatencyHistogram latency, LatencyHistogram uncorrectedLatency) {
    public JournalEntry {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency");
    }
}

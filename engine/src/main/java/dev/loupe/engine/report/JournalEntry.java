package dev.loupe.engine.report;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import java.util.Objects;

/**
 * One interval line of {@code journal.jsonl}: the interval as {@code result.json}'s
 * {@code intervals[]} has it, plus what a rebuild needs besides: its latency histograms (whole-run
 * percentiles, {@code latency.hlog}), responses, error classes, connection events and schedule lag
 * (the summary of a run that crashed).
 *
 * @param interval what the clients saw in the interval
 * @param detail the rest of the second; its histograms are empty when none were given or none finished
 */
public record JournalEntry(SecondInterval interval, SecondDetail detail) {
    public JournalEntry {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(detail, "detail");
    }

    /** An entry with histograms only; responses from the interval's throughput. */
    public JournalEntry(SecondInterval interval, LatencyHistogram latency, LatencyHistogram uncorrectedLatency) {
        this(interval, SecondDetail.of(latency, uncorrectedLatency, Math.round(interval.throughputRps()
                * (interval.endMs() - interval.startMs()) / 1000.0)));
    }

    /** Its corrected latencies (nanoseconds). */
    public LatencyHistogram latency() {
        return detail.latency();
    }

    /** Its latencies from the actual send. */
    public LatencyHistogram uncorrectedLatency() {
        return detail.uncorrectedLatency();
    }
}

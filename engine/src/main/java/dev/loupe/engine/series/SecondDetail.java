package dev.loupe.engine.series;

import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.LatencyHistogram;
import java.util.Objects;

/**
 * What a second of the clients' side holds beyond its {@link SecondInterval}: what the journal keeps
 * so that a run folder can be rebuilt from it alone, summary included, after a crash too.
 *
 * @param latency the corrected latencies of the requests that finished in it (nanoseconds)
 * @param uncorrectedLatency the same from the actual send
 * @param responses complete responses (any status) in it
 * @param errors its failed requests by class
 * @param connections its connection events
 * @param scheduleLagMs at its end, how long the oldest due, unsent request had waited (open model;
 *     0 in the closed model)
 */
public record SecondDetail(LatencyHistogram latency, LatencyHistogram uncorrectedLatency, long responses,
        ErrorCounts errors, ConnectionCounts connections, long scheduleLagMs) {
    /** A second with nothing but its histograms: no errors, no connection events, no lag. */
    public static SecondDetail of(LatencyHistogram latency, LatencyHistogram uncorrectedLatency, long responses) {
        return new SecondDetail(latency, uncorrectedLatency, responses, ErrorCounts.NONE, ConnectionCounts.NONE, 0);
    }

    public SecondDetail {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(connections, "connections");
    }

    /** Nothing measured. */
    public static final SecondDetail EMPTY = of(LatencyHistogram.empty(), LatencyHistogram.empty(), 0);
}

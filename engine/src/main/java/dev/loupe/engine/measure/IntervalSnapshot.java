package dev.loupe.engine.measure;

import java.util.Objects;

/**
 * What the load generator measured in one interval (normally 250 ms). Immutable; counts are events
 * within the interval, gauges are values at its end. Timestamps are milliseconds since the run's start.
 *
 * @param index 0, 1, 2… in run order
 * @param startMs the interval's start, ms since the run's start
 * @param endMs the interval's end, ms since the run's start
 * @param warmup whether the interval belongs to the warm-up (excluded from the summary)
 * @param requests requests that finished (with a response or an error)
 * @param responses complete responses, any status
 * @param throughputRps responses per second over the interval
 * @param errors failed requests by class
 * @param connections connection events
 * @param connectionsOpen connections open at the end of the interval
 * @param latencyMs corrected latency (from the intended start)
 * @param uncorrectedLatencyMs uncorrected latency (from the actual send)
 * @param latency the corrected histogram, for merging intervals
 * @param uncorrectedLatency the uncorrected histogram, for merging intervals
 * @param bytesRead response bytes received
 * @param bytesWritten request bytes sent
 * @param behindScheduleMs time behind schedule in the interval (largest over the I/O threads)
 * @param scheduleLagMs at the end of the interval, how long the oldest due, unsent request has waited
 * @param outOfRangeLatencies latencies clamped to {@link LatencyRange} in this interval
 */
public record IntervalSnapshot(
        int index,
        long startMs,
        long endMs,
        boolean warmup,
        long requests,
        long responses,
        double throughputRps,
        ErrorCounts errors,
        ConnectionCounts connections,
        long connectionsOpen,
        LatencyMs latencyMs,
        LatencyMs uncorrectedLatencyMs,
        LatencyHistogram latency,
        LatencyHistogram uncorrectedLatency,
        long bytesRead,
        long bytesWritten,
        long behindScheduleMs,
        long scheduleLagMs,
        long outOfRangeLatencies) {

    public IntervalSnapshot {
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(uncorrectedLatencyMs, "uncorrectedLatencyMs");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency");
        if (endMs < startMs) {
            throw new IllegalArgumentException("endMs: " + endMs + " (expected: >= startMs " + startMs + ")");
        }
    }
}

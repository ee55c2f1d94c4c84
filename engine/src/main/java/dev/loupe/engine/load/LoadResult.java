package dev.loupe.engine.load;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LoadSummary;

/**
 * The outcome of a load run: the {@code result.json} summary and what the summary has no field for.
 * Everything except {@code unsentAtStop} and {@code stoppedEarly} covers the measured window only
 * (warm-up excluded).
 *
 * @param summary the summary, exactly as {@code result.json} has it
 * @param latency every measured corrected latency, for reports and HdrHistogram logs
 * @param uncorrectedLatency every measured uncorrected latency
 * @param bytesRead response bytes received
 * @param bytesWritten request bytes sent
 * @param outOfRangeLatencies latencies outside 1 µs – 60 s, recorded clamped
 * @param unsentAtStop open model: requests the schedule had due before sending stopped that were never
 *     sent (a saturated generator's backlog); 0 in the closed model
 * @param stoppedEarly {@link LoadRun#stop()} ended the run before its duration
 * @param openModel whether the run used the open model (so the two latency views differ)
 */
public record LoadResult(
        LoadSummary summary,
        LatencyHistogram latency,
        LatencyHistogram uncorrectedLatency,
        long bytesRead,
        long bytesWritten,
        long outOfRangeLatencies,
        long unsentAtStop,
        boolean stoppedEarly,
        boolean openModel) {}

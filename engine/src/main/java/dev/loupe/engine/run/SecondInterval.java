package dev.loupe.engine.run;

import dev.loupe.engine.measure.LatencyMs;
import java.util.Objects;

/**
 * One entry of {@code result.json}'s {@code intervals[]}: what the clients saw in one second of the
 * run (four 250 ms snapshots merged; longer runs merge neighbours so a series never exceeds
 * {@link RunResult#MAX_INTERVALS} entries). Telemetry lanes join these fields when they land.
 *
 * @param startMs the interval's start, ms since the run's start
 * @param endMs its end
 * @param warmup whether it belongs to the warm-up
 * @param requests requests finished in it
 * @param throughputRps responses per second
 * @param errors failed requests in it, all classes
 * @param connectionsOpen connections open at its end
 * @param latencyMs corrected latency percentiles of the requests finished in it
 * @param uncorrectedLatencyMs the same from the actual send
 * @param behindScheduleMs time the generator was behind schedule in it
 */
public record SecondInterval(
        long startMs,
        long endMs,
        boolean warmup,
        long requests,
        double throughputRps,
        long errors,
        long connectionsOpen,
        LatencyMs latencyMs,
        LatencyMs uncorrectedLatencyMs,
        long behindScheduleMs) {
    public SecondInterval {
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(uncorrectedLatencyMs, "uncorrectedLatencyMs");
    }
}

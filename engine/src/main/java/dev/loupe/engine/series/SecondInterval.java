package dev.loupe.engine.series;

import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.Objects;

/**
 * One entry of {@code result.json}'s {@code intervals[]}: what the clients saw in one second of the
 * run (four 250 ms snapshots merged; longer runs merge neighbours so a series never exceeds
 * {@code RunResult.MAX_INTERVALS} entries). Telemetry lanes join these fields when they land.
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
 * @param telemetry what the JVM did in the same span; null while it has not arrived (it trails the
 *     load by about a second) and in runs without telemetry
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
        long behindScheduleMs,
        TelemetrySecond telemetry) {
    public SecondInterval {
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(uncorrectedLatencyMs, "uncorrectedLatencyMs");
    }

    /** An interval without telemetry (yet). */
    public SecondInterval(long startMs, long endMs, boolean warmup, long requests, double throughputRps, long errors,
            long connectionsOpen, LatencyMs latencyMs, LatencyMs uncorrectedLatencyMs, long behindScheduleMs) {
        this(startMs, endMs, warmup, requests, throughputRps, errors, connectionsOpen, latencyMs, uncorrectedLatencyMs,
                behindScheduleMs, null);
    }

    /** This interval with the JVM's side of the same span. */
    public SecondInterval withTelemetry(TelemetrySecond jvm) {
        return new SecondInterval(startMs, endMs, warmup, requests, throughputRps, errors, connectionsOpen, latencyMs,
                uncorrectedLatencyMs, behindScheduleMs, jvm);
    }
}

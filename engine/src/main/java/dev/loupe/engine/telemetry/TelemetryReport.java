package dev.loupe.engine.telemetry;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a telemetry session measured, when it stopped.
 *
 * @param summary the measured part's totals and evidence: {@code result.json}'s {@code telemetry}
 * @param seconds the per-second series, warm-up included (at most {@link Timeline#MAX_SECONDS} entries)
 * @param recording where the JFR recording was written, if it was
 * @param problems what did not work (the JFR stream could not start, the recording could not be
 *     written), in plain words; the rest of the telemetry still counts
 */
public record TelemetryReport(TelemetrySummary summary, List<TelemetrySecond> seconds, Optional<Path> recording,
        List<String> problems) {
    public TelemetryReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(recording, "recording");
        seconds = List.copyOf(seconds);
        problems = List.copyOf(problems);
    }
}

package dev.loupe.engine.cli;

import dev.loupe.engine.measure.IntervalListener;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.units.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints one progress line per second of the run (merging the four 250 ms snapshots), to standard
 * error so standard output keeps only the summary:
 * {@code [  3s/10s]  152340 req/s  p50 210us  p99 1.20ms  errors 0  7s left}.
 */
final class LoadProgress implements IntervalListener {
    private final PrintWriter err;
    private final long totalMs;
    private final boolean corrected;
    private final List<LatencyHistogram> window = new ArrayList<>();
    private long windowStartMs;
    private long responses;
    private long errors;
    private boolean warmup;

    /**
     * @param totalMs warm-up plus duration, for "time left"
     * @param corrected show corrected (open model) percentiles
     */
    LoadProgress(PrintWriter err, long totalMs, boolean corrected) {
        this.err = err;
        this.totalMs = totalMs;
        this.corrected = corrected;
    }

    @Override
    public void onInterval(IntervalSnapshot s) {
        window.add(corrected ? s.latency() : s.uncorrectedLatency());
        responses += s.responses();
        errors += s.errors().total();
        warmup |= s.warmup();
        if (s.endMs() / 1000 > windowStartMs / 1000) {
            print(s.endMs());
            window.clear();
            responses = 0;
            errors = 0;
            warmup = false;
            windowStartMs = s.endMs();
        }
    }

    private void print(long endMs) {
        long lengthMs = Math.max(1, endMs - windowStartMs);
        LatencyMs merged = LatencyHistogram.merge(window).toLatencyMs();
        long leftS = Math.max(0, (totalMs - endMs + 999) / 1000);
        err.println(String.format(Locale.ROOT, "[%5.1fs/%ds]%s %9.0f req/s  p50 %-8s p99 %-8s errors %d  %s",
                endMs / 1000.0, totalMs / 1000, warmup ? " warm-up" : "",
                responses * 1000.0 / lengthMs,
                Numbers.latencyMs(merged.p50()), Numbers.latencyMs(merged.p99()), errors,
                endMs >= totalMs ? "waiting for the last responses" : leftS + "s left"));
        err.flush();
    }
}

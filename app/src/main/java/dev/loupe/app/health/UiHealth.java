package dev.loupe.app.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * How well the dashboard kept up while a run was shown: the gaps between consecutive JavaFX pulses
 * (a gap is how long the FX thread could not draw) and the chart timer's ticks that ran late. It is
 * what {@code ui-health.json} holds. Fed on the FX thread; read there too.
 */
public final class UiHealth {
    /** A chart tick this much (ms) after it was due, a whole period of the 5 Hz timer, counts as late. */
    public static final double LATE_TICK_MS = 200;
    /** How many of the longest gaps the report names, with when they happened. */
    public static final int LONGEST = 10;
    /** The file a run folder gets. */
    public static final String FILE = "ui-health.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Histogram gapsNs = new Histogram(60_000_000_000L, 3);
    private final Histogram drawsNs = new Histogram(60_000_000_000L, 3);
    private long lastPulseNs = -1;
    private long firstPulseNs = -1;
    /** The longest gaps, longest first, at most {@link #LONGEST}. */
    private final java.util.List<Gap> longest = new java.util.ArrayList<>();
    private long ticks;
    private long lateTicks;
    private double maxLateMs;

    /** A JavaFX pulse happened at {@code nowNs} ({@link System#nanoTime()}). */
    public void pulse(long nowNs) {
        if (lastPulseNs >= 0 && nowNs > lastPulseNs) {
            long gapNs = Math.min(nowNs - lastPulseNs, gapsNs.getHighestTrackableValue());
            gapsNs.recordValue(gapNs);
            keepIfLong(new Gap((lastPulseNs - firstPulseNs) / 1_000_000, ms(gapNs)));
        }
        if (firstPulseNs < 0) {
            firstPulseNs = nowNs;
        }
        lastPulseNs = nowNs;
    }

    private void keepIfLong(Gap gap) {
        if (longest.size() == LONGEST && longest.getLast().gapMs() >= gap.gapMs()) {
            return;
        }
        int at = 0;
        while (at < longest.size() && longest.get(at).gapMs() >= gap.gapMs()) {
            at++;
        }
        longest.add(at, gap);
        if (longest.size() > LONGEST) {
            longest.removeLast();
        }
    }

    /** The chart timer ticked {@code lateMs} after it was due. */
    public void tick(double lateMs) {
        ticks++;
        if (lateMs >= LATE_TICK_MS) {
            lateTicks++;
        }
        maxLateMs = Math.max(maxLateMs, lateMs);
    }

    /** One chart took {@code ns} to draw on the FX thread. */
    public void drew(long ns) {
        drawsNs.recordValue(Math.max(0, Math.min(ns, drawsNs.getHighestTrackableValue())));
    }

    /** Starts over, for a new run. */
    public void reset() {
        gapsNs.reset();
        drawsNs.reset();
        longest.clear();
        firstPulseNs = -1;
        lastPulseNs = -1;
        ticks = 0;
        lateTicks = 0;
        maxLateMs = 0;
    }

    /** The gaps and ticks so far. */
    public Report report() {
        return new Report(new FrameGapMs(ms(gapsNs.getValueAtPercentile(50)), ms(gapsNs.getValueAtPercentile(99)),
                ms(gapsNs.getMaxValue()), gapsNs.getTotalCount(), java.util.List.copyOf(longest)), new ChartTicks(ticks, lateTicks, LATE_TICK_MS,
                Math.round(maxLateMs * 10) / 10.0), new ChartDrawMs(ms(drawsNs.getValueAtPercentile(50)),
                ms(drawsNs.getValueAtPercentile(99)), ms(drawsNs.getMaxValue()), drawsNs.getTotalCount()));
    }

    /** Writes {@link #FILE} into {@code runFolder} (a temporary file, then renamed). */
    public void write(Path runFolder, long feedDropped) throws IOException {
        Report r = report();
        AtomicFiles.writeString(runFolder.resolve(FILE), JSON.writeValueAsString(new File(r.frameGapMs(), r.chartTicks(),
                r.chartDrawMs(), feedDropped)) + "\n");
    }

    private static double ms(long ns) {
        return Math.round(ns / 1e4) / 100.0;
    }

    /**
     * @param frameGapMs the gaps between consecutive pulses
     * @param chartTicks the chart timer's ticks
     * @param chartDrawMs how long drawing one chart took on the FX thread
     */
    public record Report(FrameGapMs frameGapMs, ChartTicks chartTicks, ChartDrawMs chartDrawMs) {}

    /**
     * @param frames the gaps measured
     * @param longest the longest gaps, longest first, each with when it began (ms after the first pulse)
     */
    public record FrameGapMs(double p50, double p99, double max, long frames, java.util.List<Gap> longest) {}

    /** A gap between pulses that began {@code atMs} after the first pulse and lasted {@code gapMs}. */
    public record Gap(long atMs, double gapMs) {}

    /**
     * @param total ticks that ran
     * @param late ticks that ran at least {@code lateThresholdMs} after they were due
     * @param maxLateMs the latest one
     */
    public record ChartTicks(long total, long late, double lateThresholdMs, double maxLateMs) {}

    /** @param draws the charts drawn */
    public record ChartDrawMs(double p50, double p99, double max, long draws) {}

    /** {@code ui-health.json}. @param feedDropped seconds of the run the charts lost because the timer fell behind */
    record File(FrameGapMs frameGapMs, ChartTicks chartTicks, ChartDrawMs chartDrawMs, long feedDropped) {}
}

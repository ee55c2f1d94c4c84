package dev.loupe.app.live;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.chart.Lane;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the charts hold for the run on screen: one {@link Ring} per {@link Lane}, all on the run's
 * clock (ms since its start), filled from {@code result.json}'s intervals as they close and from the
 * JVM's seconds as they arrive about a second later. Bounded like {@code result.json}: each ring holds
 * at most {@link RunResult#MAX_INTERVALS} points, merging neighbours past that. Confined to the FX
 * thread.
 */
public final class LiveTimeline {
    /** A span at least this long is a whole second (a second's four snapshots, give or take one). */
    static final long FULL_SPAN_MS = 900;

    private final Map<Lane, Ring> rings = new EnumMap<>(Lane.class);
    private long warmupMs;
    private long totalMs;
    private long loadEndMs;
    private long jvmEndMs;
    private long lastLoadMs = -1;
    private long lastJvmMs = -1;
    /** The last second's worst probe, kept apart from the rings (which merge neighbours past an hour); NaN before one. */
    private double nowMs = Double.NaN;
    /** Counts the changes to each side's lanes, so a chart redraws only when its own lanes changed. */
    private final Map<Lane.Side, Long> revisions = new EnumMap<>(Lane.Side.class);

    public LiveTimeline() {
        for (Lane lane : Lane.values()) {
            rings.put(lane, new Ring(RunResult.MAX_INTERVALS));
        }
        for (Lane.Side side : Lane.Side.values()) {
            revisions.put(side, 0L);
        }
    }

    /** How many times {@code side}'s lanes changed: a chart of that side needs drawing when it moved on. */
    public long revision(Lane.Side side) {
        return revisions.get(side);
    }

    private void changed(Lane.Side side) {
        revisions.merge(side, 1L, Long::sum);
    }

    /** Forgets the last run; the next lasts {@code totalMs} of which the first {@code warmupMs} warm up. */
    public void reset(long warmupMs, long totalMs) {
        rings.values().forEach(Ring::clear);
        plan(warmupMs, totalMs);
        loadEndMs = 0;
        jvmEndMs = 0;
        lastLoadMs = -1;
        lastJvmMs = -1;
        nowMs = Double.NaN;
        changed(Lane.Side.LOAD);
        changed(Lane.Side.JVM);
    }

    /** The run's plan as the session settled it (a preset's values resolved); the data stays. */
    public void plan(long warmupMs, long totalMs) {
        if (warmupMs != this.warmupMs || totalMs != this.totalMs) {
            changed(Lane.Side.LOAD);
            changed(Lane.Side.JVM);
        }
        this.warmupMs = warmupMs;
        this.totalMs = totalMs;
    }

    /**
     * Puts the finished run's own record in place of what came live, so the charts hold exactly what
     * {@code result.json} holds: JFR events that arrived after a second was shown are in it, and the
     * teardown's part second after the load's end is not.
     *
     * @param intervals the result's seconds, each with the JVM's second when telemetry ran
     */
    public void settle(List<SecondInterval> intervals) {
        reset(warmupMs, totalMs);
        for (SecondInterval second : intervals) {
            add(second);
            if (second.telemetry() != null) {
                long before = lastJvmMs;
                add(second.telemetry());
                if (second.endMs() - second.startMs() < FULL_SPAN_MS) {
                    lastJvmMs = before; // the teardown's part second, whose JVM side has nothing running: never "now"
                }
            }
        }
    }

    public void add(SecondInterval second) {
        for (Lane lane : Lane.values()) {
            if (lane.side() == Lane.Side.LOAD) {
                rings.get(lane).add(second.startMs(), lane.valueOf(second));
            }
        }
        loadEndMs = Math.max(loadEndMs, second.endMs());
        if (second.endMs() - second.startMs() >= FULL_SPAN_MS) {
            lastLoadMs = second.startMs();
        }
        changed(Lane.Side.LOAD);
    }

    public void add(TelemetrySecond second) {
        for (Lane lane : Lane.values()) {
            if (lane == Lane.HEAP_USED) {
                double least = second.heapUsedMbMin() == null ? Double.NaN : second.heapUsedMbMin();
                rings.get(lane).add(second.startMs(), least, lane.valueOf(second));
            } else if (lane.side() == Lane.Side.JVM) {
                rings.get(lane).add(second.startMs(), lane.valueOf(second));
            }
        }
        double max = Lane.DISPATCH_MAX.valueOf(second);
        if (!Double.isNaN(max)) {
            nowMs = max;
        }
        jvmEndMs = Math.max(jvmEndMs, second.endMs());
        if (second.endMs() - second.startMs() >= FULL_SPAN_MS) {
            lastJvmMs = second.startMs();
        }
        changed(Lane.Side.JVM);
    }

    public Ring ring(Lane lane) {
        return rings.get(lane);
    }

    public long warmupMs() {
        return warmupMs;
    }

    /** How long the run is planned to last, warm-up included: the charts' time axis. */
    public long totalMs() {
        return totalMs;
    }

    /** The start of the load's last whole second (the run's tail after Stop is a short span): "now" for the charts' values; -1 before it. */
    public long lastLoadMs() {
        return lastLoadMs;
    }

    /** The start of the JVM's last whole second; -1 before it. */
    public long lastJvmMs() {
        return lastJvmMs;
    }



    /** A lane's value at {@code timeMs} (the most of the point covering it); empty before its first point or in a gap. */
    public Optional<Double> valueAt(Lane lane, long timeMs) {
        Ring ring = rings.get(lane);
        long end = lane.side() == Lane.Side.LOAD ? loadEndMs : jvmEndMs;
        int i = ring.indexAt(timeMs);
        if (i < 0 || timeMs >= end || Double.isNaN(ring.max(i))) {
            return Optional.empty();
        }
        return Optional.of(ring.max(i));
    }

    /**
     * The lamp: the dispatch delay now (the last second's worst probe) and the verdict so far by Clinic's
     * rule over the measured seconds; empty while no probe has reported. Past an hour the rings hold
     * merged seconds (each the most of its seconds), so the verdict's median then reads high, never low.
     */
    public Optional<DelayLamp> lamp() {
        if (Double.isNaN(nowMs)) {
            return Optional.empty();
        }
        Ring max = rings.get(Lane.DISPATCH_MAX);
        Ring p50 = rings.get(Lane.DISPATCH_P50);
        double[] medians = new double[p50.size()];
        int n = 0;
        double worst = 0;
        for (int i = 0; i < p50.size(); i++) {
            if (p50.startMs(i) >= warmupMs && !Double.isNaN(p50.max(i))) {
                medians[n++] = p50.max(i);
                worst = Math.max(worst, max.max(i));
            }
        }
        if (n == 0) {
            return Optional.of(new DelayLamp(Severity.ofDelayMs(nowMs), nowMs, null, 0, 0));
        }
        double median = median(Arrays.copyOf(medians, n));
        return Optional.of(new DelayLamp(Severity.ofDelayMs(nowMs), nowMs, DelayLamp.verdict(median, worst), median, worst));
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

package dev.loupe.engine.run;

import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges 250 ms snapshots into {@code result.json}'s per-second intervals. Percentiles of a second
 * come from its merged histograms, so they are exact. The series is bounded: when it reaches
 * {@link RunResult#MAX_INTERVALS} entries, neighbours are merged pairwise and each entry then spans
 * twice as long; a merged entry keeps the larger of the two percentiles (a conservative view) and
 * the sum of counts. A span never mixes warm-up and measurement. Confined to the collector thread.
 */
public final class SecondAggregator {
    private final int maxIntervals;
    private final Closed onClosed;
    private final List<SecondInterval> series = new ArrayList<>();
    private long spanMs = 1000;

    private long openSpanStartMs;
    private long openStartMs = -1;
    private long openEndMs;
    private boolean openWarmup;
    private long requests;
    private long responses;
    private ErrorCounts errors = ErrorCounts.NONE;
    private ConnectionCounts connections = ConnectionCounts.NONE;
    private long scheduleLagMs;
    private long connectionsOpen;
    private long behindScheduleMs;
    private LatencyHistogram latency = LatencyHistogram.empty();
    private LatencyHistogram uncorrected = LatencyHistogram.empty();

    /** Told of each second as it closes, with what the journal keeps of it. */
    @FunctionalInterface
    interface Closed {
        void closed(SecondInterval second, SecondDetail detail);
    }

    SecondAggregator(int maxIntervals, Closed onClosed) {
        this.maxIntervals = maxIntervals;
        this.onClosed = onClosed;
    }

    void add(IntervalSnapshot s) {
        long spanStart = s.startMs() / spanMs * spanMs;
        if (openStartMs >= 0 && (spanStart != openSpanStartMs || s.warmup() != openWarmup)) {
            close();
        }
        if (openStartMs < 0) {
            openSpanStartMs = spanStart;
            openStartMs = Math.max(spanStart, s.startMs());
            openWarmup = s.warmup();
        }
        openEndMs = s.endMs();
        requests += s.requests();
        responses += s.responses();
        errors = errors.plus(s.errors());
        connections = connections.plus(s.connections());
        scheduleLagMs = s.scheduleLagMs();
        connectionsOpen = s.connectionsOpen();
        behindScheduleMs += s.behindScheduleMs();
        latency = latency.plus(s.latency());
        uncorrected = uncorrected.plus(s.uncorrectedLatency());
    }

    /** Closes the span still open, if any. */
    void flush() {
        if (openStartMs >= 0) {
            close();
        }
    }

    /** The series so far (closed spans only). */
    List<SecondInterval> series() {
        return List.copyOf(series);
    }

    private void close() {
        int previousSize = series.size();
        long lengthMs = Math.max(1, openEndMs - openStartMs);
        SecondInterval second = new SecondInterval(openStartMs, openEndMs, openWarmup, requests,
                responses * 1000.0 / lengthMs, errors.total(), connectionsOpen, latency.toLatencyMs(),
                uncorrected.toLatencyMs(), behindScheduleMs);
        add(series, second, maxIntervals);
        if (series.size() < previousSize) {
            spanMs *= 2;
        }
        onClosed.closed(second, new SecondDetail(latency, uncorrected, responses, errors, connections, scheduleLagMs));
        openStartMs = -1;
        requests = 0;
        responses = 0;
        errors = ErrorCounts.NONE;
        connections = ConnectionCounts.NONE;
        behindScheduleMs = 0;
        latency = LatencyHistogram.empty();
        uncorrected = LatencyHistogram.empty();
    }

    /**
     * Adds a closed span to {@code series}, halving it (neighbours merged pairwise) when it reaches
     * {@code maxIntervals}: how the run bounds its series, and how a rebuild from the journal's spans
     * gets the same one.
     */
    public static void add(List<SecondInterval> series, SecondInterval closed, int maxIntervals) {
        series.add(closed);
        if (series.size() >= maxIntervals) {
            halve(series);
        }
    }

    /** The series {@link #add} builds from {@code spans}, in order. */
    public static List<SecondInterval> bounded(List<SecondInterval> spans, int maxIntervals) {
        List<SecondInterval> series = new ArrayList<>();
        spans.forEach(s -> add(series, s, maxIntervals));
        return series;
    }

    private static void halve(List<SecondInterval> series) {
        List<SecondInterval> merged = new ArrayList<>(series.size() / 2 + 1);
        for (int i = 0; i < series.size(); i += 2) {
            SecondInterval a = series.get(i);
            if (i + 1 == series.size() || series.get(i + 1).warmup() != a.warmup()) {
                merged.add(a);
                i--; // keep the unpaired one alone; its neighbour starts the next pair
                continue;
            }
            merged.add(merge(a, series.get(i + 1)));
        }
        series.clear();
        series.addAll(merged);
    }

    static SecondInterval merge(SecondInterval a, SecondInterval b) {
        long lengthMs = Math.max(1, b.endMs() - a.startMs());
        double responses = a.throughputRps() * (a.endMs() - a.startMs()) / 1000.0
                + b.throughputRps() * (b.endMs() - b.startMs()) / 1000.0;
        return new SecondInterval(a.startMs(), b.endMs(), a.warmup(), a.requests() + b.requests(),
                responses * 1000.0 / lengthMs, a.errors() + b.errors(), b.connectionsOpen(),
                larger(a.latencyMs(), b.latencyMs()), larger(a.uncorrectedLatencyMs(), b.uncorrectedLatencyMs()),
                a.behindScheduleMs() + b.behindScheduleMs());
    }

    private static LatencyMs larger(LatencyMs a, LatencyMs b) {
        return new LatencyMs(Math.min(a.min(), b.min()), Math.max(a.mean(), b.mean()), Math.max(a.p50(), b.p50()),
                Math.max(a.p75(), b.p75()), Math.max(a.p90(), b.p90()), Math.max(a.p95(), b.p95()),
                Math.max(a.p99(), b.p99()), Math.max(a.p999(), b.p999()), Math.max(a.max(), b.max()));
    }
}

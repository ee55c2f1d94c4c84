package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.megabytes;

import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.List;
import java.util.Optional;

/**
 * {@code heap-growth}: the heap left after each collection (the sawtooth's floor) keeps rising, so
 * something keeps objects alive, or {@code heap-sawtooth}: it returns to the same floor, which is
 * healthy. Reads the heap after the last collection of each measured second (at least
 * {@value #MIN_POINTS} seconds with a collection, spanning {@value #MIN_SPAN_MS} ms). A leak is
 * suspected (<b>yellow</b>) when the floor's least-squares slope is at least {@value #SLOPE_YELLOW_PCT}
 * % of the max heap per minute and the floor rose by at least {@value #RISE_PCT} % of the max heap
 * from the first third of those seconds to the last; <b>red</b> when, at that slope, the heap would be
 * full within {@value #FULL_RED_MIN} minutes. A slow drift (about 1 MB a minute) is normal: young
 * collections leave dead objects in the old generation until a mixed or full one.
 */
final class HeapTrendRule implements Rule {
    static final String ID = "heap-growth";
    static final String HEALTHY_ID = "heap-sawtooth";
    static final int MIN_POINTS = 3;
    static final long MIN_SPAN_MS = 3000;
    static final double SLOPE_YELLOW_PCT = 5;
    static final double RISE_PCT = 2;
    static final double FULL_RED_MIN = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<TelemetrySecond> points = facts.jvm().stream().filter(t -> t.heapAfterGcMb() != null).toList();
        if (points.size() < MIN_POINTS || points.getLast().startMs() - points.getFirst().startMs() < MIN_SPAN_MS
                || facts.maxHeapMb() <= 0) {
            return Optional.empty();
        }
        double slopePerMin = slopePerMinute(points);
        int third = Math.max(1, points.size() / 3);
        double first = median(points.subList(0, third));
        double last = median(points.subList(points.size() - third, points.size()));
        double max = facts.maxHeapMb();
        double rise = last - first;
        double slopePct = 100 * slopePerMin / max;
        boolean growing = slopePct >= SLOPE_YELLOW_PCT && 100 * rise / max >= RISE_PCT;
        long collections = Math.round(facts.jvmSum(TelemetrySecond::gcPauses));
        if (!growing) {
            return Optional.of(new Finding(HEALTHY_ID, Severity.GREEN,
                    f("Heap saw-tooths back to about %s after each collection: healthy", megabytes(last)),
                    f("%,d collections; the heap left after them (in the %s with one) went from %s in the first third"
                                    + " to %s in the last, a trend of %+.1f MB/min (%+.2f %% of the %s max heap per minute).",
                            collections, Text.seconds(points.size()), megabytes(first), megabytes(last), slopePerMin, slopePct, megabytes(max)),
                    "Nothing to do about memory."));
        }
        double minutesToFull = (max - points.getLast().heapAfterGcMb()) / slopePerMin;
        Severity severity = minutesToFull < FULL_RED_MIN ? Severity.RED : Severity.YELLOW;
        String title = f("Heap left after GC grows %s a minute: a leak is suspected", megabytes(slopePerMin));
        String evidence = f("The heap left after each collection went from %s to %s over %s (%s of them with a"
                        + " collection): %+.0f MB/min, %.1f %% of the %s max heap per minute. At this rate the heap is"
                        + " full in about %.1f minutes; red below %.0f. A healthy heap returns to the same floor.",
                megabytes(first), megabytes(last), Text.at(points.getLast().endMs() - points.getFirst().startMs()),
                Text.seconds(points.size()), slopePerMin, slopePct, megabytes(max), Math.max(0, minutesToFull), FULL_RED_MIN);
        String advice = "Find what keeps each request's objects alive: a cache without a bound or an expiry, a"
                + " collection that only grows, listeners never removed, responses or connections never closed. Open"
                + " recording.jfr in JDK Mission Control (Memory, Old Object Sample), or take a heap dump"
                + " (jcmd PID GC.heap_dump) and look at the biggest retained sets.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    private static double slopePerMinute(List<TelemetrySecond> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (TelemetrySecond t : points) {
            double x = t.startMs() / 60_000.0;
            double y = t.heapAfterGcMb();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    private static double median(List<TelemetrySecond> points) {
        return Median.of(points.stream().mapToDouble(TelemetrySecond::heapAfterGcMb));
    }
}

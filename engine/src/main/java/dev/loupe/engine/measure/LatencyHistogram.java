package dev.loupe.engine.measure;

import java.util.Collection;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.PackedHistogram;

/**
 * An immutable latency histogram (nanosecond values, {@link LatencyRange}), kept packed so an interval
 * snapshot with a few hundred distinct values costs a few kilobytes. Snapshots carry two of these so
 * readers can merge 250 ms intervals into seconds, or a whole run, with exact percentiles.
 */
public final class LatencyHistogram {
    private static final LatencyHistogram EMPTY = new LatencyHistogram(newPacked());

    private final PackedHistogram histogram; // never exposed, never changed after construction

    private LatencyHistogram(PackedHistogram histogram) {
        this.histogram = histogram;
    }

    private static PackedHistogram newPacked() {
        return new PackedHistogram(LatencyRange.LOWEST_NS, LatencyRange.HIGHEST_NS, LatencyRange.SIGNIFICANT_DIGITS);
    }

    public static LatencyHistogram empty() {
        return EMPTY;
    }

    /** A copy of {@code sourceNs}, which must use {@link LatencyRange}. */
    public static LatencyHistogram copyOf(AbstractHistogram sourceNs) {
        if (sourceNs.getTotalCount() == 0) {
            return EMPTY;
        }
        PackedHistogram copy = newPacked();
        copy.add(sourceNs);
        return new LatencyHistogram(copy);
    }

    /** All the given histograms' measurements in one. */
    public static LatencyHistogram merge(Collection<LatencyHistogram> parts) {
        PackedHistogram sum = newPacked();
        for (LatencyHistogram part : parts) {
            sum.add(part.histogram);
        }
        return sum.getTotalCount() == 0 ? EMPTY : new LatencyHistogram(sum);
    }

    /** How many latencies were recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0..100) in milliseconds; 0 when empty. */
    public double percentileMs(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
    }

    /** The usual percentiles, in milliseconds. */
    public LatencyMs toLatencyMs() {
        return LatencyMs.of(histogram);
    }

    /** Adds this histogram's counts to {@code target} (which must cover {@link LatencyRange}). */
    public void addTo(AbstractHistogram target) {
        target.add(histogram);
    }
}

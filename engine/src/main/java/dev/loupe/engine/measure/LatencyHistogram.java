package dev.loupe.engine.measure;

import java.util.Arrays;
import java.util.Collection;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable latency histogram (nanosecond values, {@link LatencyRange}) kept sparse: one value and
 * one count per non-empty HdrHistogram bucket, so an interval snapshot with a few hundred distinct
 * latencies costs a few kilobytes instead of a full histogram's 140 KB, and building one is a single
 * pass. Snapshots carry two of these so readers can merge 250 ms intervals into seconds or a whole
 * run with exactly the percentiles a single histogram would give.
 */
public final class LatencyHistogram {
    private static final LatencyHistogram EMPTY = new LatencyHistogram(new long[0], new long[0], 0);

    private final long[] valuesNs; // ascending; each a bucket's highest equivalent value
    private final long[] counts;
    private final long totalCount;

    private LatencyHistogram(long[] valuesNs, long[] counts, long totalCount) {
        this.valuesNs = valuesNs;
        this.counts = counts;
        this.totalCount = totalCount;
    }

    public static LatencyHistogram empty() {
        return EMPTY;
    }

    /** A copy of {@code sourceNs}, which must use {@link LatencyRange}. */
    public static LatencyHistogram copyOf(AbstractHistogram sourceNs) {
        long total = sourceNs.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long[] values = new long[64];
        long[] counts = new long[64];
        int n = 0;
        for (HistogramIterationValue v : sourceNs.recordedValues()) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            values[n] = v.getValueIteratedTo();
            counts[n] = v.getCountAtValueIteratedTo();
            n++;
        }
        return new LatencyHistogram(Arrays.copyOf(values, n), Arrays.copyOf(counts, n), total);
    }

    /** All the given histograms' measurements in one. */
    public static LatencyHistogram merge(Collection<LatencyHistogram> parts) {
        LatencyHistogram sum = EMPTY;
        for (LatencyHistogram part : parts) {
            sum = sum.plus(part);
        }
        return sum;
    }

    /** This histogram's and {@code other}'s measurements together. */
    public LatencyHistogram plus(LatencyHistogram other) {
        if (other.totalCount == 0) {
            return this;
        }
        if (totalCount == 0) {
            return other;
        }
        long[] values = new long[valuesNs.length + other.valuesNs.length];
        long[] sums = new long[values.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < valuesNs.length || j < other.valuesNs.length) {
            long a = i < valuesNs.length ? valuesNs[i] : Long.MAX_VALUE;
            long b = j < other.valuesNs.length ? other.valuesNs[j] : Long.MAX_VALUE;
            if (a == b) {
                values[n] = a;
                sums[n++] = counts[i++] + other.counts[j++];
            } else if (a < b) {
                values[n] = a;
                sums[n++] = counts[i++];
            } else {
                values[n] = b;
                sums[n++] = other.counts[j++];
            }
        }
        return new LatencyHistogram(Arrays.copyOf(values, n), Arrays.copyOf(sums, n), totalCount + other.totalCount);
    }

    /** How many latencies were recorded. */
    public long count() {
        return totalCount;
    }

    /** The latency at {@code percentile} (0..100) in milliseconds; 0 when empty. */
    public double percentileMs(double percentile) {
        return totalCount == 0 ? 0 : toHistogram().getValueAtPercentile(percentile) / 1_000_000.0;
    }

    /** The usual percentiles, in milliseconds, computed exactly as for one HdrHistogram. */
    public LatencyMs toLatencyMs() {
        return totalCount == 0 ? LatencyMs.EMPTY : LatencyMs.of(toHistogram());
    }

    /** Adds this histogram's counts to {@code target} (which must cover {@link LatencyRange}). */
    public void addTo(AbstractHistogram target) {
        for (int i = 0; i < valuesNs.length; i++) {
            target.recordValueWithCount(valuesNs[i], counts[i]);
        }
    }

    private Histogram toHistogram() {
        Histogram h = LatencyRange.newHistogram();
        addTo(h);
        return h;
    }
}

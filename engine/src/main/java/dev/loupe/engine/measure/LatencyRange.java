package dev.loupe.engine.measure;

/**
 * The one explicit range every latency histogram in Loupe uses: values are nanoseconds, tracked
 * from 1 µs to 60 s with 3 significant digits (a relative error of at most 0.1 %). Values outside the
 * range are clamped to its ends and counted, never dropped and never thrown about.
 */
public final class LatencyRange {
    /** The smallest distinguishable latency: 1 µs. */
    public static final long LOWEST_NS = 1_000L;
    /** The largest trackable latency: 60 s. Longer ones are recorded as 60 s and counted as out of range. */
    public static final long HIGHEST_NS = 60_000_000_000L;
    /** Significant decimal digits kept per value. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private LatencyRange() {}

    /** {@code latencyNs} limited to {@code [LOWEST_NS, HIGHEST_NS]}. */
    public static long clampNs(long latencyNs) {
        return Math.min(HIGHEST_NS, Math.max(LOWEST_NS, latencyNs));
    }

    /** Whether {@code latencyNs} lies inside the range (and so is recorded as it is). */
    public static boolean inRange(long latencyNs) {
        return latencyNs >= LOWEST_NS && latencyNs <= HIGHEST_NS;
    }

    /** A new empty histogram with this range. */
    public static org.HdrHistogram.Histogram newHistogram() {
        return new org.HdrHistogram.Histogram(LOWEST_NS, HIGHEST_NS, SIGNIFICANT_DIGITS);
    }
}

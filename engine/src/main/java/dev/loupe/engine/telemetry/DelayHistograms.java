package dev.loupe.engine.telemetry;

import org.HdrHistogram.Histogram;

/** Histograms of delays in nanoseconds, 1 µs – 60 s with two significant digits: small, and exact enough for milliseconds. */
final class DelayHistograms {
    static final long LOWEST_NS = 1_000;
    static final long HIGHEST_NS = 60_000_000_000L;

    private DelayHistograms() {}

    static Histogram create() {
        return new Histogram(LOWEST_NS, HIGHEST_NS, 2);
    }

    /** Records {@code ns}, clamped into the range (a delay beyond 60 s counts as 60 s). */
    static void record(Histogram h, long ns) {
        h.recordValue(Math.max(LOWEST_NS, Math.min(HIGHEST_NS, ns)));
    }
}

package dev.loupe.engine.telemetry;

import org.HdrHistogram.AbstractHistogram;

/**
 * How late something ran, in milliseconds: a dispatch probe, or the JVM-wide hiccup probe.
 *
 * @param p50 median
 * @param p99 99th percentile
 * @param max the worst
 */
public record DelayMs(double p50, double p99, double max) {

    /** The percentiles of a nanosecond histogram, or null when it is empty. */
    static DelayMs of(AbstractHistogram ns) {
        if (ns == null || ns.getTotalCount() == 0) {
            return null;
        }
        return new DelayMs(ms(ns.getValueAtPercentile(50)), ms(ns.getValueAtPercentile(99)), ms(ns.getMaxValue()));
    }

    /** The same with {@code max} raised to at least {@code atLeastMs} (a probe still waiting counts). */
    DelayMs withMaxAtLeast(double atLeastMs) {
        return atLeastMs <= max ? this : new DelayMs(p50, p99, atLeastMs);
    }

    /** The larger of each percentile: a conservative view of two spans merged. */
    static DelayMs larger(DelayMs a, DelayMs b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new DelayMs(Math.max(a.p50, b.p50), Math.max(a.p99, b.p99), Math.max(a.max, b.max));
    }

    static double ms(long ns) {
        return Math.round(ns / 1_000.0) / 1_000.0;
    }
}

package dev.loupe.engine.measure;

import org.HdrHistogram.AbstractHistogram;

/**
 * A latency distribution in milliseconds (the unit is in the type's name, as it is in the
 * {@code latencyMs} and {@code uncorrectedLatencyMs} fields of {@code result.json}). Values are
 * rounded to the microsecond; with no measurements every field is 0.
 */
public record LatencyMs(
        double min, double mean, double p50, double p75, double p90, double p95, double p99, double p999, double max) {

    public static final LatencyMs EMPTY = new LatencyMs(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Summarizes a histogram of nanosecond values. */
    public static LatencyMs of(AbstractHistogram histogramNs) {
        if (histogramNs.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencyMs(
                ms(histogramNs.getMinValue()),
                msRounded(histogramNs.getMean()),
                ms(histogramNs.getValueAtPercentile(50)),
                ms(histogramNs.getValueAtPercentile(75)),
                ms(histogramNs.getValueAtPercentile(90)),
                ms(histogramNs.getValueAtPercentile(95)),
                ms(histogramNs.getValueAtPercentile(99)),
                ms(histogramNs.getValueAtPercentile(99.9)),
                ms(histogramNs.getMaxValue()));
    }

    private static double ms(long ns) {
        return msRounded(ns);
    }

    private static double msRounded(double ns) {
        return Math.round(ns / 1_000.0) / 1_000.0;
    }
}

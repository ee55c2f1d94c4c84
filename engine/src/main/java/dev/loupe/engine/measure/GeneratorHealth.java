package dev.loupe.engine.measure;

/**
 * Whether the load generator itself kept up; {@code result.json}'s {@code summary.generator}. Always
 * zero and false in the closed model, which has no schedule to fall behind.
 *
 * @param behindScheduleMs time during which at least one request was due but not yet sent, by more
 *     than {@link IntervalCollector#BEHIND_TOLERANCE_NS} (the largest over the I/O threads, per
 *     interval, summed over the measured intervals). Those requests are still measured from their
 *     intended start when they are finally sent.
 * @param saturated the generator ended the run behind schedule by more than
 *     {@link IntervalCollector#SATURATION_LAG_NS}: its backlog was growing, not recovering, so the
 *     requested rate was not delivered (too few connections for the latency, or too little CPU)
 */
public record GeneratorHealth(long behindScheduleMs, boolean saturated) {
    public static final GeneratorHealth OK = new GeneratorHealth(0, false);
}

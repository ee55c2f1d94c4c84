package dev.loupe.engine.load;

import dev.loupe.engine.measure.IntervalCollector;

/**
 * One selector thread's share of an open-model schedule: requests {@code offset, offset + stride,
 * offset + 2·stride…} of the run, never at or after {@code endNs}. It answers which request is due
 * next and keeps the behind-schedule accounting, all from times its caller passes in (ns since the
 * run's start); it never reads a clock, so it is tested with plain numbers.
 *
 * <p>Confined to its selector thread.
 */
final class SchedulePacer {
    /** Counting requests that were due but never sent stops here, to keep stopping quick. */
    static final long MAX_UNSENT_COUNTED = 10_000_000L;

    private final ArrivalSchedule.Arrivals arrivals;
    private final long offset;
    private final long stride;
    private final long endNs;
    private long k;
    private long nextNs;
    private long accountedUntilNs;

    /**
     * @param arrivals this thread's sequence object
     * @param offset the first request index this thread sends (its thread index)
     * @param stride how many threads share the schedule
     * @param endNs no request starting at or after this (ns since start) is sent
     */
    SchedulePacer(ArrivalSchedule.Arrivals arrivals, long offset, long stride, long endNs) {
        this.arrivals = arrivals;
        this.offset = offset;
        this.stride = stride;
        this.endNs = endNs;
        this.nextNs = lookup(0);
    }

    private long lookup(long kth) {
        long t = arrivals.intendedStartNs(offset + kth * stride);
        return t >= endNs ? ArrivalSchedule.NEVER : t;
    }

    /** The intended start of the next unsent request (ns since start), or {@link ArrivalSchedule#NEVER}. */
    long nextIntendedNs() {
        return nextNs;
    }

    /** The run-wide index of the next unsent request. */
    long nextIndex() {
        return offset + k * stride;
    }

    /** Whether the next request is due at {@code nowNs}. */
    boolean isDue(long nowNs) {
        return nextNs <= nowNs;
    }

    /** The next request was sent (or failed); move on. */
    void advance() {
        k++;
        nextNs = lookup(k);
    }

    /** How long the oldest unsent request has been due at {@code nowNs} (0 when none is). */
    long lagNs(long nowNs) {
        return nextNs <= nowNs ? nowNs - nextNs : 0;
    }

    /**
     * The time since the previous call during which the oldest unsent request had been due for more
     * than {@link IntervalCollector#BEHIND_TOLERANCE_NS}. Call once per loop, before sending.
     */
    long accountBehindNs(long nowNs) {
        long added = 0;
        if (nextNs != ArrivalSchedule.NEVER) {
            long behindFrom = Math.max(accountedUntilNs, nextNs + IntervalCollector.BEHIND_TOLERANCE_NS);
            if (nowNs > behindFrom) {
                added = nowNs - behindFrom;
            }
        }
        accountedUntilNs = Math.max(accountedUntilNs, nowNs);
        return added;
    }

    /** How many requests are due at {@code nowNs} but not sent (bounded by {@link #MAX_UNSENT_COUNTED}). */
    long countDueAt(long nowNs) {
        long count = 0;
        for (long j = k; count < MAX_UNSENT_COUNTED; j++) {
            long t = lookup(j);
            if (t == ArrivalSchedule.NEVER || t > nowNs) {
                break;
            }
            count++;
        }
        return count;
    }
}

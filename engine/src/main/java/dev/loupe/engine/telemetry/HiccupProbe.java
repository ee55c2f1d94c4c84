package dev.loupe.engine.telemetry;

import dev.loupe.engine.measure.RunClock;
import org.HdrHistogram.Histogram;

/**
 * The JVM-wide hiccup probe (jHiccup's idea, at Clinic.js Doctor's 10 ms cadence): the telemetry's own
 * 10 ms ticker records how much later than asked each of its waits ended. Anything that stops or
 * starves every thread (a GC pause, a safepoint, an overloaded CPU) shows here even when no server
 * probe is due. It rides on the ticker rather than on a thread of its own waking every millisecond:
 * a thousand wake-ups a second on a busy machine each preempt a server or generator thread, which
 * cost more throughput than the finer grain was worth (docs/PERFORMANCE.md). A stall of 10 ms or more
 * always covers a wake-up; a shorter one is seen when it does. Each second's histogram goes to the
 * timeline when the second changes; recording never allocates. Confined to the ticker's thread.
 */
final class HiccupProbe {
    private final RunClock clock;
    private final Timeline timeline;
    private final Histogram second = DelayHistograms.create();
    private long secondStartMs = Long.MIN_VALUE;

    HiccupProbe(RunClock clock, Timeline timeline) {
        this.clock = clock;
        this.timeline = timeline;
    }

    /**
     * Records one wait that was asked to end at {@code dueNs} and ended at {@code wokeNs} (both on the
     * run clock's {@code nanoTime}).
     */
    void woke(long dueNs, long wokeNs) {
        long startMs = Math.max(0, clock.msAt(wokeNs)) / 1000 * 1000;
        if (startMs != secondStartMs) {
            finish();
            secondStartMs = startMs;
        }
        DelayHistograms.record(second, wokeNs - dueNs);
    }

    /** Hands the open second to the timeline. */
    void finish() {
        if (secondStartMs != Long.MIN_VALUE && second.getTotalCount() > 0) {
            timeline.hiccups(secondStartMs, second);
        }
        second.reset();
    }
}

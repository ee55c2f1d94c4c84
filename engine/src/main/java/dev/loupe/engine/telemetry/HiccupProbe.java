package dev.loupe.engine.telemetry;

import dev.loupe.engine.measure.NanoClock;
import dev.loupe.engine.measure.RunClock;
import org.HdrHistogram.Histogram;

/**
 * The JVM-wide hiccup probe (jHiccup's idea): a platform thread that waits 1 ms again and again and
 * records how much longer than that each wait took. Anything that stops or starves every thread (a
 * GC pause, a safepoint, an overloaded CPU) shows here even when no server probe is due. It waits with
 * {@link Object#wait(long)}, which the telemetry's JFR settings do not record, so the probe adds no
 * events of its own. Each second's histogram goes to the timeline when the second changes; recording
 * never allocates.
 */
final class HiccupProbe implements Runnable {
    static final long WAIT_NS = 1_000_000L;

    private final RunClock clock;
    private final Timeline timeline;
    private final Object waiter = new Object();
    private final Histogram second = DelayHistograms.create();
    private volatile boolean stopped;

    HiccupProbe(RunClock clock, Timeline timeline) {
        this.clock = clock;
        this.timeline = timeline;
    }

    @Override
    public void run() {
        NanoClock nanos = clock.clock();
        long secondStartMs = Long.MIN_VALUE;
        try {
            while (!stopped) {
                long before = nanos.nanoTime();
                synchronized (waiter) {
                    waiter.wait(1);
                }
                long after = nanos.nanoTime();
                long atMs = clock.msAt(after);
                long startMs = Math.max(0, atMs) / 1000 * 1000;
                if (startMs != secondStartMs) {
                    hand(secondStartMs);
                    secondStartMs = startMs;
                }
                DelayHistograms.record(second, after - before - WAIT_NS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hand(secondStartMs);
        }
    }

    void stop() {
        stopped = true;
    }

    private void hand(long secondStartMs) {
        if (secondStartMs != Long.MIN_VALUE && second.getTotalCount() > 0) {
            timeline.hiccups(secondStartMs, second);
        }
        second.reset();
    }
}

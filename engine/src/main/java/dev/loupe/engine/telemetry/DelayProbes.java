package dev.loupe.engine.telemetry;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.RunClock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Dispatch-delay probes: every {@link #PERIOD_NS} each target gets a probe, unless its last one has not
 * run yet (one probe in flight per target, like a timer on an event loop). A probe records how late it
 * ran; a probe still waiting raises its second's worst delay as it waits, so a loop blocked for five
 * seconds shows red in each of them; once it has waited {@link #WATCHDOG_AFTER_NS}, the watchdog takes
 * the stacks of the target's threads (once per probe, at most every {@link #WATCHDOG_MIN_GAP_NS}). {@link #tick} is called by the session's
 * probe thread; {@link Probe#run} runs on the server's thread and only writes two fields.
 */
final class DelayProbes {
    /** The probe cadence: 10 ms, as Clinic.js samples event-loop delay. */
    static final long PERIOD_NS = 10_000_000L;
    /** How late a probe must be before the watchdog takes stacks: the start of the yellow band. */
    static final long WATCHDOG_AFTER_NS = 10_000_000L;
    /**
     * The watchdog looks at one target at most this often: taking stacks stops the threads briefly
     * and lists every thread, which must stay cheap with thousands of connection threads.
     */
    static final long WATCHDOG_MIN_GAP_NS = 100_000_000L;

    private final RunClock clock;
    private final Timeline timeline;
    private final Watchdog watchdog;
    private final List<DispatchTarget> targets;
    private final Probe[] probes;

    DelayProbes(List<DispatchTarget> targets, RunClock clock, Timeline timeline, Watchdog watchdog) {
        this.targets = List.copyOf(targets);
        this.clock = clock;
        this.timeline = timeline;
        this.watchdog = watchdog;
        this.probes = new Probe[targets.size()];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = new Probe();
        }
    }

    /** One round: collect finished probes, send new ones, watch the late ones. */
    void tick() {
        long now = clock.clock().nanoTime();
        long atMs = clock.msAt(now);
        for (int i = 0; i < probes.length; i++) {
            Probe p = probes[i];
            if (p.sentNs != 0 && p.ranNs != 0) {
                timeline.dispatchDelay(i, clock.msAt(p.ranNs), p.ranNs - p.sentNs);
                p.sentNs = 0;
            }
            if (p.sentNs == 0) {
                send(i, p, now, atMs);
            } else {
                long late = now - p.sentNs;
                timeline.dispatchPending(atMs, late / 1e6);
                if (late >= WATCHDOG_AFTER_NS && !p.watched && now - p.lastWatchNs >= WATCHDOG_MIN_GAP_NS) {
                    p.watched = true;
                    p.lastWatchNs = now;
                    DispatchTarget t = targets.get(i);
                    for (Watchdog.Stack s : watchdog.stacks(t.threadNamePrefix())) {
                        timeline.lateDispatch(atMs, t.name(), s.thread(), s.state(), s.frames(), late / 1e6);
                    }
                }
            }
        }
    }

    private void send(int index, Probe p, long now, long atMs) {
        p.ranNs = 0;
        p.watched = false;
        p.sentNs = now;
        try {
            targets.get(index).execute(p);
        } catch (RejectedExecutionException | IllegalStateException e) {
            p.sentNs = 0;
            timeline.dispatchDropped(index, atMs);
        }
    }

    /** The task a target runs: it notes when it ran, nothing more. */
    private final class Probe implements Runnable {
        volatile long sentNs;
        volatile long ranNs;
        boolean watched;
        long lastWatchNs = Long.MIN_VALUE / 2;

        @Override
        public void run() {
            ranNs = clock.clock().nanoTime();
        }
    }
}

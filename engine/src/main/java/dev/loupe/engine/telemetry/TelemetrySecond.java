package dev.loupe.engine.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * One second of what the JVM did: the {@code telemetry} object of an entry of {@code result.json}'s
 * {@code intervals[]}, and what the dashboard's JVM lanes draw. A value that nothing measured in the
 * span (no probe ran, no GC happened, no CPU reading arrived) is null. Counts and times of waits are
 * the server's threads only; Loupe's own threads are left out. Entries of long runs span more than a
 * second (neighbours merged): percentiles then keep the larger, counts add up.
 *
 * @param startMs the span's start, ms since the run's start
 * @param endMs its end
 * @param dispatchDelayMs how late dispatch probes ran, over every loop, pool or scheduler; {@code max}
 *     includes a probe still waiting at the span's end
 * @param hiccupMs how much later than asked the telemetry's 10 ms ticker woke (a JVM-wide stall: GC, safepoint, starved CPU)
 * @param heapUsedMbMax the most heap in use at a 250 ms sample
 * @param heapUsedMbMin the least heap in use at a 250 ms sample
 * @param heapCommittedMb heap committed at the last sample
 * @param heapAfterGcMb heap in use after the span's last collection (the sawtooth's floor)
 * @param gcPauses collections in the span
 * @param gcPauseMsTotal their stop-the-world time
 * @param gcPauseMsMax the longest pause
 * @param pinnedEvents times a virtual thread blocked while pinned to its carrier
 * @param pinnedMsTotal how long they blocked
 * @param monitorEvents waits to enter a {@code synchronized} monitor
 * @param parkEvents parks ({@code java.util.concurrent} locks and queues)
 * @param lockWaitMsTotal time spent in those waits
 * @param sleepEvents {@code Thread.sleep} calls
 * @param sleepMsTotal time asleep
 * @param platformThreads live platform threads of the whole JVM, at most
 * @param virtualThreadsMounted virtual threads mounted on a carrier, at most
 * @param serverConnectionsOpen connections the server had open, at most
 * @param serverQueueLength work waiting in the server's queue, at most
 * @param fileDescriptors open file descriptors of the process, at most (null where the OS does not tell)
 * @param processCpuPct CPU the JVM used, percent of all cores
 * @param machineCpuPct CPU the machine used, percent of all cores
 * @param allocationMbPerS heap allocation rate (all threads), from JFR's allocation samples
 * @param safepointMsTotal time every Java thread stood still at safepoints
 */
public record TelemetrySecond(
        long startMs,
        long endMs,
        DelayMs dispatchDelayMs,
        DelayMs hiccupMs,
        Double heapUsedMbMax,
        Double heapUsedMbMin,
        Double heapCommittedMb,
        Double heapAfterGcMb,
        int gcPauses,
        double gcPauseMsTotal,
        double gcPauseMsMax,
        int pinnedEvents,
        double pinnedMsTotal,
        int monitorEvents,
        int parkEvents,
        double lockWaitMsTotal,
        int sleepEvents,
        double sleepMsTotal,
        int platformThreads,
        int virtualThreadsMounted,
        int serverConnectionsOpen,
        int serverQueueLength,
        Integer fileDescriptors,
        Double processCpuPct,
        Double machineCpuPct,
        double allocationMbPerS,
        double safepointMsTotal) {

    /** The worst delay anything saw in the span, dispatch or hiccup, in ms (0 when nothing was measured). */
    public double worstDelayMs() {
        double d = dispatchDelayMs == null ? 0 : dispatchDelayMs.max();
        double h = hiccupMs == null ? 0 : hiccupMs.max();
        return Math.max(d, h);
    }

    /** The most entries a run's telemetry series keeps; longer runs merge neighbours. */
    public static final int MAX_SERIES = 3600;

    /**
     * Adds a sealed second to {@code series}, merging neighbours pairwise when it reaches {@code
     * maxSeconds}: how a run bounds its series, and how a rebuild from the journal's seconds gets the same one.
     */
    public static void add(List<TelemetrySecond> series, TelemetrySecond second, int maxSeconds) {
        series.add(second);
        if (series.size() >= maxSeconds) {
            List<TelemetrySecond> merged = new ArrayList<>(series.size() / 2 + 1);
            for (int i = 0; i < series.size(); i += 2) {
                merged.add(i + 1 < series.size() ? merge(series.get(i), series.get(i + 1)) : series.get(i));
            }
            series.clear();
            series.addAll(merged);
        }
    }

    /** The series {@link #add} builds from {@code seconds}, in order. */
    public static List<TelemetrySecond> bounded(List<TelemetrySecond> seconds, int maxSeconds) {
        List<TelemetrySecond> series = new ArrayList<>();
        seconds.forEach(s -> add(series, s, maxSeconds));
        return series;
    }

    /** {@code a} and the span right after it as one: percentiles keep the larger, counts add up. */
    public static TelemetrySecond merge(TelemetrySecond a, TelemetrySecond b) {
        double aS = Math.max(1, a.endMs - a.startMs) / 1000.0;
        double bS = Math.max(1, b.endMs - b.startMs) / 1000.0;
        return new TelemetrySecond(a.startMs, b.endMs,
                DelayMs.larger(a.dispatchDelayMs, b.dispatchDelayMs), DelayMs.larger(a.hiccupMs, b.hiccupMs),
                max(a.heapUsedMbMax, b.heapUsedMbMax), min(a.heapUsedMbMin, b.heapUsedMbMin),
                last(a.heapCommittedMb, b.heapCommittedMb), last(a.heapAfterGcMb, b.heapAfterGcMb),
                a.gcPauses + b.gcPauses, a.gcPauseMsTotal + b.gcPauseMsTotal, Math.max(a.gcPauseMsMax, b.gcPauseMsMax),
                a.pinnedEvents + b.pinnedEvents, a.pinnedMsTotal + b.pinnedMsTotal,
                a.monitorEvents + b.monitorEvents, a.parkEvents + b.parkEvents, a.lockWaitMsTotal + b.lockWaitMsTotal,
                a.sleepEvents + b.sleepEvents, a.sleepMsTotal + b.sleepMsTotal,
                Math.max(a.platformThreads, b.platformThreads), Math.max(a.virtualThreadsMounted, b.virtualThreadsMounted),
                Math.max(a.serverConnectionsOpen, b.serverConnectionsOpen),
                Math.max(a.serverQueueLength, b.serverQueueLength),
                maxOf(a.fileDescriptors, b.fileDescriptors),
                mean(a.processCpuPct, aS, b.processCpuPct, bS), mean(a.machineCpuPct, aS, b.machineCpuPct, bS),
                (a.allocationMbPerS * aS + b.allocationMbPerS * bS) / (aS + bS),
                a.safepointMsTotal + b.safepointMsTotal);
    }

    private static Double max(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
    }

    private static Integer maxOf(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Double min(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.min(a, b));
    }

    private static Double last(Double a, Double b) {
        return b != null ? b : a;
    }

    private static Double mean(Double a, double aWeight, Double b, double bWeight) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return (a * aWeight + b * bWeight) / (aWeight + bWeight);
    }
}

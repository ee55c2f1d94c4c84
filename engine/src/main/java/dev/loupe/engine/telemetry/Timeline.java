package dev.loupe.engine.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Where every telemetry reading lands: per-second {@link Bucket}s on the run's time base, sealed into
 * {@link TelemetrySecond}s once nothing more can arrive for them, plus the run's totals and evidence
 * for {@link TelemetrySummary}. Totals and evidence count the measured part only (from {@code
 * measureFromMs}); the per-second series covers the warm-up too. Bounded: only open seconds hold
 * histograms, the series merges neighbours past {@link #MAX_SECONDS}, evidence is capped. Any thread;
 * one lock, held briefly. Sealed seconds are handed to the listener outside the lock, in order, each
 * with its sampled stacks, and every {@value #CHECKPOINT_SECONDS} seconds the summary so far.
 */
final class Timeline implements JvmEvents {
    /** The most entries the series keeps, like the load side's intervals. */
    static final int MAX_SECONDS = TelemetrySecond.MAX_SERIES;
    private static final double MB = 1024.0 * 1024.0;
    private static final int EVIDENCE_SHOWN = 10;
    /** How often, in sealed seconds, the listener gets the summary so far. */
    static final int CHECKPOINT_SECONDS = 5;

    private final long measureFromMs;
    private final double maxHeapMb;
    private final TelemetryListener onSealed;
    private long sealedCount;
    private final TreeMap<Long, Bucket> open = new TreeMap<>();
    private final List<TelemetrySecond> series = new ArrayList<>();
    private final Object deliveryLock = new Object();
    private long sealedUpToMs;
    private volatile long flushedUpToMs = Long.MIN_VALUE;

    private final List<String> targetNames;
    private final Histogram[] targetDelay;
    private final long[] targetProbes;
    private final long[] targetDropped;
    private final Histogram delay = DelayHistograms.create();
    private final Histogram hiccup = DelayHistograms.create();
    private long gcPauses;
    private double gcPauseMsTotal;
    private double gcPauseMsMax;
    private final List<TelemetrySummary.GcPause> longestPauses = new ArrayList<>();
    private double heapUsedMbMax = -1;
    private double afterGcMbMax = -1;
    private final SlopeFit afterGcTrend = new SlopeFit();
    private long pinnedEvents;
    private double pinnedMs;
    private long monitorEvents;
    private long parkEvents;
    private double lockWaitMs;
    private int platformThreadsMax;
    private int virtualMountedMax;
    private int fileDescriptorsMax = -1;
    private int connectionsMax;
    private int queueMax;
    private double cpuSum;
    private double machineCpuSum;
    private long cpuReadings;
    private long allocationBytes;
    private double safepointMs;
    private long lateEvents;
    private long lastMs;

    private final TopCounts lateDispatch = new TopCounts();
    private final TopCounts locks = new TopCounts();
    private final TopCounts pinning = new TopCounts();
    private final TopCounts sleeps = new TopCounts();
    private final TopCounts hotFrames = new TopCounts();

    /**
     * @param targetNames the dispatch targets, in the order probes report them by index
     * @param maxHeapBytes the max heap, for the share the heap guard watches
     * @param onSealed told of each sealed second, in order, outside the lock
     */
    Timeline(long measureFromMs, List<String> targetNames, long maxHeapBytes, TelemetryListener onSealed) {
        this.measureFromMs = measureFromMs;
        this.targetNames = List.copyOf(targetNames);
        this.maxHeapMb = maxHeapBytes / MB;
        this.onSealed = onSealed;
        int n = targetNames.size();
        this.targetDelay = new Histogram[n];
        for (int i = 0; i < n; i++) {
            targetDelay[i] = DelayHistograms.create();
        }
        this.targetProbes = new long[n];
        this.targetDropped = new long[n];
    }

    // probes and the sampler

    synchronized void dispatchDelay(int target, long atMs, long delayNs) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.delay(delayNs);
        }
        if (measured(atMs)) {
            DelayHistograms.record(delay, delayNs);
            DelayHistograms.record(targetDelay[target], delayNs);
            targetProbes[target]++;
        }
    }

    /** A probe sent {@code lateMs} ago has not run yet: the second's worst delay is at least that. */
    synchronized void dispatchPending(long atMs, double lateMs) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.pendingDelay(lateMs);
        }
    }

    synchronized void dispatchDropped(int target, long atMs) {
        if (measured(atMs)) {
            targetDropped[target]++;
        }
    }

    /** The watchdog's stack of a thread that kept {@code target}'s probe waiting {@code lateMs}. */
    synchronized void lateDispatch(long atMs, String target, String thread, String state, List<String> frames,
            double lateMs) {
        if (measured(atMs)) {
            String top = frames.isEmpty() ? "" : frames.getFirst();
            lateDispatch.add(target + "|" + top + "|" + state, target, thread + " " + state, ThreadRole.SERVER,
                    lateMs, frames);
        }
    }

    /** The hiccup probe's histogram for the second that holds {@code atMs}. */
    synchronized void hiccups(long atMs, Histogram ns) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.hiccups(ns);
        }
        if (measured(atMs)) {
            hiccup.add(ns);
        }
    }

    synchronized void sample(long atMs, RuntimeSample s) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.sample(s);
        }
        if (measured(atMs)) {
            heapUsedMbMax = Math.max(heapUsedMbMax, s.heapUsedBytes() / MB);
            platformThreadsMax = Math.max(platformThreadsMax, s.platformThreads());
            virtualMountedMax = Math.max(virtualMountedMax, s.virtualThreadsMounted());
            fileDescriptorsMax = Math.max(fileDescriptorsMax, s.fileDescriptors());
            connectionsMax = Math.max(connectionsMax, s.serverConnectionsOpen());
            queueMax = Math.max(queueMax, s.serverQueueLength());
        }
    }

    // JFR

    @Override
    public synchronized void gc(long atMs, String collector, String cause, double pauseMsTotal, double pauseMsLongest) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.gc(pauseMsTotal, pauseMsLongest);
        }
        if (measured(atMs)) {
            gcPauses++;
            gcPauseMsTotal += pauseMsTotal;
            gcPauseMsMax = Math.max(gcPauseMsMax, pauseMsLongest);
            keepIfLongest(new TelemetrySummary.GcPause(atMs - Math.round(pauseMsLongest), collector, cause,
                    Bucket.round(pauseMsLongest)));
        }
    }

    /** Keeps the {@link TelemetrySummary.Gc#LONGEST_KEPT} longest pauses, longest first. */
    private void keepIfLongest(TelemetrySummary.GcPause pause) {
        if (longestPauses.size() == TelemetrySummary.Gc.LONGEST_KEPT
                && longestPauses.getLast().pauseMs() >= pause.pauseMs()) {
            return;
        }
        int at = 0;
        while (at < longestPauses.size() && longestPauses.get(at).pauseMs() >= pause.pauseMs()) {
            at++;
        }
        longestPauses.add(at, pause);
        if (longestPauses.size() > TelemetrySummary.Gc.LONGEST_KEPT) {
            longestPauses.removeLast();
        }
    }

    @Override
    public synchronized void heapAtGc(long atMs, long gcId, boolean afterGc, long usedBytes, long committedBytes) {
        if (!afterGc) {
            return;
        }
        Bucket b = bucket(atMs);
        if (b != null) {
            b.afterGc(usedBytes);
        }
        if (measured(atMs)) {
            double mb = usedBytes / MB;
            afterGcMbMax = Math.max(afterGcMbMax, mb);
            afterGcTrend.add(atMs / 60_000.0, mb);
        }
    }

    @Override
    public synchronized void pinned(long atMs, double durationMs, ThreadRole role, String reason, List<String> frames) {
        Bucket b = bucket(atMs);
        if (b != null && role == ThreadRole.SERVER) {
            b.pinned(durationMs);
        }
        if (measured(atMs)) {
            if (role == ThreadRole.SERVER) {
                pinnedEvents++;
                pinnedMs += durationMs;
            }
            pinning.add(reason + "|" + key(frames, 3), reason, "", role, durationMs, frames);
        }
    }

    @Override
    public synchronized void lockWait(long atMs, LockKind kind, double durationMs, ThreadRole role, String lockClass,
            List<String> frames) {
        // A park without a blocker object waits for time, not for a lock: a virtual thread's sleep, a
        // pinned virtual thread parking its carrier, LockSupport.parkNanos. Locks and conditions of
        // java.util.concurrent always name their blocker.
        if (IdleWaits.isIdle(frames) || (kind == LockKind.PARK && lockClass.isEmpty())) {
            return;
        }
        Bucket b = bucket(atMs);
        if (b != null && role == ThreadRole.SERVER) {
            b.lockWait(kind, durationMs);
        }
        if (measured(atMs)) {
            if (role == ThreadRole.SERVER) {
                if (kind == LockKind.MONITOR) {
                    monitorEvents++;
                } else {
                    parkEvents++;
                }
                lockWaitMs += durationMs;
            }
            String detail = kind == LockKind.MONITOR ? "synchronized" : "park";
            locks.add(kind + "|" + lockClass + "|" + role + "|" + key(frames, 2), lockClass, detail, role,
                    durationMs, frames);
        }
    }

    @Override
    public synchronized void slept(long atMs, double durationMs, ThreadRole role, List<String> frames) {
        if (role != ThreadRole.SERVER) {
            return;
        }
        Bucket b = bucket(atMs);
        if (b != null) {
            b.slept(durationMs);
        }
        if (measured(atMs)) {
            sleeps.add(key(frames, 3), "Thread.sleep", "", role, durationMs, frames);
        }
    }

    @Override
    public synchronized void cpu(long atMs, double processPct, double machinePct) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.cpu(processPct, machinePct);
        }
        if (measured(atMs)) {
            cpuSum += processPct;
            machineCpuSum += machinePct;
            cpuReadings++;
        }
    }

    @Override
    public synchronized void executionSample(long atMs, ThreadRole role, List<String> frames, String collapsed) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.stack(role, collapsed, true, 1);
        }
        if (measured(atMs) && !frames.isEmpty()) {
            String top = frames.getFirst();
            hotFrames.add(role + "|" + top, top, "", role, 0, frames);
        }
    }

    @Override
    public synchronized void allocation(long atMs, ThreadRole role, String objectClass, long weightBytes,
            String collapsed) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.allocation(weightBytes);
            b.stack(role, collapsed, false, weightBytes);
        }
        if (measured(atMs)) {
            allocationBytes += weightBytes;
        }
    }

    @Override
    public synchronized void safepoint(long atMs, double durationMs) {
        Bucket b = bucket(atMs);
        if (b != null) {
            b.safepoint(durationMs);
        }
        if (measured(atMs)) {
            safepointMs += durationMs;
        }
    }

    @Override
    public void flushed(long upToMs) {
        flushedUpToMs = Math.max(flushedUpToMs, upToMs);
    }

    /** Everything the JFR stream has delivered so far ended before this; {@code Long.MIN_VALUE} before the first flush. */
    long flushedUpToMs() {
        return flushedUpToMs;
    }

    // sealing

    /** Seals every second that ends at or before {@code upToMs} and hands them on, in order. */
    void seal(long upToMs) {
        List<Sealed> sealed = new ArrayList<>();
        TelemetrySummary checkpoint = null;
        synchronized (this) {
            while (!open.isEmpty() && open.firstKey() + 1000 <= upToMs) {
                Bucket b = open.pollFirstEntry().getValue();
                sealed.add(new Sealed(b.seal(b.startMs + 1000), b.stacks(b.startMs + 1000)));
            }
            sealedUpToMs = Math.max(sealedUpToMs, upToMs / 1000 * 1000);
            lastMs = Math.max(lastMs, upToMs);
            append(sealed);
            long before = sealedCount;
            sealedCount += sealed.size();
            if (sealedCount / CHECKPOINT_SECONDS > before / CHECKPOINT_SECONDS) {
                checkpoint = summary();
            }
        }
        deliver(sealed, checkpoint);
    }

    /** Seals everything, the last second ending at {@code endMs}, and returns the run's summary. */
    TelemetrySummary finish(long endMs) {
        List<Sealed> sealed = new ArrayList<>();
        TelemetrySummary summary;
        synchronized (this) {
            while (!open.isEmpty()) {
                Bucket b = open.pollFirstEntry().getValue();
                long end = Math.max(b.startMs + 1, Math.min(b.startMs + 1000, endMs));
                sealed.add(new Sealed(b.seal(end), b.stacks(end)));
            }
            sealedUpToMs = Long.MAX_VALUE;
            append(sealed);
            summary = summary();
        }
        deliver(sealed, null);
        return summary;
    }

    /** A sealed second and its stacks (null when it sampled none). */
    private record Sealed(TelemetrySecond second, StackSecond stacks) {}

    /** The sealed series so far. */
    synchronized List<TelemetrySecond> series() {
        return List.copyOf(series);
    }

    private void deliver(List<Sealed> sealed, TelemetrySummary checkpoint) {
        synchronized (deliveryLock) {
            for (Sealed s : sealed) {
                onSealed.second(s.second());
                if (s.stacks() != null) {
                    onSealed.stacks(s.stacks());
                }
            }
            if (checkpoint != null) {
                onSealed.checkpoint(checkpoint);
            }
        }
    }

    private void append(List<Sealed> sealed) {
        for (Sealed sealedSecond : sealed) {
            TelemetrySecond.add(series, sealedSecond.second(), MAX_SECONDS);
        }
    }

    private TelemetrySummary summary() {
        List<TelemetrySummary.TargetDelay> targets = new ArrayList<>();
        for (int i = 0; i < targetNames.size(); i++) {
            targets.add(new TelemetrySummary.TargetDelay(targetNames.get(i), targetProbes[i], targetDropped[i],
                    DelayMs.of(targetDelay[i])));
        }
        Double afterGcMax = afterGcMbMax < 0 ? null : Bucket.round(afterGcMbMax);
        return new TelemetrySummary(
                DelayMs.of(delay), DelayMs.of(hiccup),
                new TelemetrySummary.Gc(gcPauses, Bucket.round(gcPauseMsTotal), Bucket.round(gcPauseMsMax), longestPauses),
                new TelemetrySummary.Heap(heapUsedMbMax < 0 ? null : Bucket.round(heapUsedMbMax), Bucket.round(maxHeapMb),
                        afterGcMax, afterGcMax == null ? null : Bucket.round(afterGcMbMax * 100 / maxHeapMb),
                        afterGcTrend.slope()),
                new TelemetrySummary.Pinned(pinnedEvents, Bucket.round(pinnedMs)),
                new TelemetrySummary.Contention(monitorEvents, parkEvents, Bucket.round(lockWaitMs)),
                new TelemetrySummary.Threads(platformThreadsMax, virtualMountedMax),
                new TelemetrySummary.Process(
                        cpuReadings == 0 ? null : Bucket.round(cpuSum / cpuReadings),
                        cpuReadings == 0 ? null : Bucket.round(machineCpuSum / cpuReadings),
                        fileDescriptorsMax < 0 ? null : fileDescriptorsMax, connectionsMax, queueMax,
                        Bucket.round(allocationBytes / MB / Math.max(1, lastMs - measureFromMs) * 1000),
                        Bucket.round(safepointMs)),
                targets,
                new TelemetrySummary.EvidenceSet(lateDispatch.top(EVIDENCE_SHOWN), locks.top(EVIDENCE_SHOWN),
                        pinning.top(EVIDENCE_SHOWN), sleeps.top(EVIDENCE_SHOWN), hotFrames.top(EVIDENCE_SHOWN)),
                lateEvents);
    }

    /** The open bucket for {@code atMs}; null (and counted late) when its second is already sealed. */
    private Bucket bucket(long atMs) {
        long ms = Math.max(0, atMs);
        lastMs = Math.max(lastMs, ms);
        long start = ms / 1000 * 1000;
        if (start < sealedUpToMs) {
            lateEvents++;
            return null;
        }
        Bucket b = open.get(start);
        if (b == null) {
            b = new Bucket(start);
            open.put(start, b);
        }
        return b;
    }

    private boolean measured(long atMs) {
        return atMs >= measureFromMs;
    }

    private static String key(List<String> frames, int depth) {
        return String.join(";", frames.subList(0, Math.min(depth, frames.size())));
    }
}

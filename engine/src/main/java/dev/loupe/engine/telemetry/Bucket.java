package dev.loupe.engine.telemetry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One open second of the timeline, accumulating until it is sealed. Guarded by the timeline's lock. */
final class Bucket {
    private static final double MB = 1024.0 * 1024.0;

    final long startMs;
    private Histogram delay;
    private double pendingDelayMaxMs;
    private Histogram hiccup;
    private double heapUsedMaxMb = -1;
    private double heapUsedMinMb = Double.MAX_VALUE;
    private double heapCommittedMb = -1;
    private double heapAfterGcMb = -1;
    private int gcPauses;
    private double gcPauseMsTotal;
    private double gcPauseMsMax;
    private int pinnedEvents;
    private double pinnedMs;
    private int monitorEvents;
    private int parkEvents;
    private double lockWaitMs;
    private int sleepEvents;
    private double sleepMs;
    private int platformThreads;
    private int virtualMounted;
    private int connections;
    private int queue;
    private int fileDescriptors = -1;
    private double cpuSum;
    private double machineCpuSum;
    private int cpuReadings;
    private long allocationBytes;
    private double safepointMs;
    private Map<String, Long> cpuStacks;
    private Map<String, Long> allocationStacks;
    private Map<ThreadRole, Long> leftOutSamples;
    private long allocationSamples;

    Bucket(long startMs) {
        this.startMs = startMs;
    }

    void delay(long ns) {
        if (delay == null) {
            delay = DelayHistograms.create();
        }
        DelayHistograms.record(delay, ns);
    }

    void pendingDelay(double ms) {
        pendingDelayMaxMs = Math.max(pendingDelayMaxMs, ms);
    }

    void hiccups(Histogram ns) {
        if (hiccup == null) {
            hiccup = DelayHistograms.create();
        }
        hiccup.add(ns);
    }

    void sample(RuntimeSample s) {
        double used = s.heapUsedBytes() / MB;
        heapUsedMaxMb = Math.max(heapUsedMaxMb, used);
        heapUsedMinMb = Math.min(heapUsedMinMb, used);
        heapCommittedMb = s.heapCommittedBytes() / MB;
        platformThreads = Math.max(platformThreads, s.platformThreads());
        virtualMounted = Math.max(virtualMounted, s.virtualThreadsMounted());
        connections = Math.max(connections, s.serverConnectionsOpen());
        queue = Math.max(queue, s.serverQueueLength());
        fileDescriptors = Math.max(fileDescriptors, s.fileDescriptors());
    }

    void gc(double pauseMsTotal, double pauseMsLongest) {
        gcPauses++;
        gcPauseMsTotal += pauseMsTotal;
        gcPauseMsMax = Math.max(gcPauseMsMax, pauseMsLongest);
    }

    void afterGc(long usedBytes) {
        heapAfterGcMb = usedBytes / MB;
    }

    void pinned(double ms) {
        pinnedEvents++;
        pinnedMs += ms;
    }

    void lockWait(JvmEvents.LockKind kind, double ms) {
        if (kind == JvmEvents.LockKind.MONITOR) {
            monitorEvents++;
        } else {
            parkEvents++;
        }
        lockWaitMs += ms;
    }

    void slept(double ms) {
        sleepEvents++;
        sleepMs += ms;
    }

    void cpu(double processPct, double machinePct) {
        cpuSum += processPct;
        machineCpuSum += machinePct;
        cpuReadings++;
    }

    void allocation(long bytes) {
        allocationBytes += bytes;
    }

    /**
     * A sample's stack for the second's {@link StackSecond}: the server's (and unnamed threads') are
     * kept by stack, the others only counted.
     *
     * @param weight 1 for an execution sample, the bytes an allocation sample stands for
     */
    void stack(ThreadRole role, String collapsed, boolean cpu, long weight) {
        if (role != ThreadRole.SERVER && role != ThreadRole.OTHER) {
            if (leftOutSamples == null) {
                leftOutSamples = new EnumMap<>(ThreadRole.class);
            }
            leftOutSamples.merge(role, 1L, Long::sum);
            return;
        }
        if (collapsed.isEmpty()) {
            return;
        }
        if (cpu) {
            if (cpuStacks == null) {
                cpuStacks = new HashMap<>();
            }
            cpuStacks.merge(collapsed, weight, Long::sum);
        } else {
            if (allocationStacks == null) {
                allocationStacks = new HashMap<>();
            }
            allocationStacks.merge(collapsed, weight, Long::sum);
            allocationSamples++;
        }
    }

    /** The second's stacks; null when it sampled none. */
    StackSecond stacks(long endMs) {
        if (cpuStacks == null && allocationStacks == null && leftOutSamples == null) {
            return null;
        }
        return new StackSecond(startMs, endMs, cpuStacks == null ? Map.of() : cpuStacks,
                allocationStacks == null ? Map.of() : allocationStacks, allocationSamples, leftOutSamples == null ? Map.of() : leftOutSamples);
    }

    void safepoint(double ms) {
        safepointMs += ms;
    }

    TelemetrySecond seal(long endMs) {
        DelayMs d = DelayMs.of(delay);
        if (pendingDelayMaxMs > 0) {
            d = d == null ? new DelayMs(pendingDelayMaxMs, pendingDelayMaxMs, pendingDelayMaxMs)
                    : d.withMaxAtLeast(pendingDelayMaxMs);
        }
        double seconds = Math.max(1, endMs - startMs) / 1000.0;
        return new TelemetrySecond(startMs, endMs, d, DelayMs.of(hiccup),
                heapUsedMaxMb < 0 ? null : round(heapUsedMaxMb), heapUsedMaxMb < 0 ? null : round(heapUsedMinMb),
                heapCommittedMb < 0 ? null : round(heapCommittedMb), heapAfterGcMb < 0 ? null : round(heapAfterGcMb),
                gcPauses, round(gcPauseMsTotal), round(gcPauseMsMax), pinnedEvents, round(pinnedMs),
                monitorEvents, parkEvents, round(lockWaitMs), sleepEvents, round(sleepMs),
                platformThreads, virtualMounted, connections, queue, fileDescriptors < 0 ? null : fileDescriptors,
                cpuReadings == 0 ? null : round(cpuSum / cpuReadings),
                cpuReadings == 0 ? null : round(machineCpuSum / cpuReadings),
                round(allocationBytes / MB / seconds), round(safepointMs));
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package dev.loupe.engine.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * What the JVM did over the measured part of a run (warm-up excluded): {@code result.json}'s
 * {@code telemetry} object. A value nothing measured is null. Wait counts and times are the server's
 * threads only.
 *
 * @param dispatchDelayMs how late dispatch probes ran, over every target
 * @param hiccupMs how much later than asked the telemetry's 10 ms ticker woke (a JVM-wide stall: GC, safepoint, starved CPU)
 * @param gc collections and their pauses
 * @param heap heap use and the trend of the heap left after each collection
 * @param pinned virtual-thread pinning
 * @param contention lock waits and parks
 * @param threads thread counts
 * @param process CPU, descriptors, connections, allocation, safepoints
 * @param dispatchTargets the delay of each loop, pool or scheduler on its own
 * @param evidence the stacks, lock classes and frames behind the numbers, biggest first
 * @param lateEvents JFR events that arrived after their second had been sealed (counted in the totals only)
 */
public record TelemetrySummary(
        DelayMs dispatchDelayMs,
        DelayMs hiccupMs,
        Gc gc,
        Heap heap,
        Pinned pinned,
        Contention contention,
        Threads threads,
        Process process,
        List<TargetDelay> dispatchTargets,
        EvidenceSet evidence,
        long lateEvents) {

    public TelemetrySummary {
        Objects.requireNonNull(gc, "gc");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(contention, "contention");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(evidence, "evidence");
        dispatchTargets = List.copyOf(dispatchTargets);
    }

    /**
     * Garbage collections: how many, their total and longest stop-the-world pause, and the longest
     * ones one by one, so a latency spike can be matched with the pause beside it.
     *
     * @param longest the {@value #LONGEST_KEPT} longest collections by pause, longest first
     */
    public record Gc(long pauses, double pauseMsTotal, double pauseMsMax, List<GcPause> longest) {
        /** How many of the longest collections are kept. */
        public static final int LONGEST_KEPT = 10;

        public Gc {
            longest = List.copyOf(longest);
        }

        /** Counts without the list of the longest. */
        public Gc(long pauses, double pauseMsTotal, double pauseMsMax) {
            this(pauses, pauseMsTotal, pauseMsMax, List.of());
        }
    }

    /**
     * One collection.
     *
     * @param startMs about when its longest pause began: when the collection ended less that pause, ms
     *     since the run's start
     * @param collector JFR's name for it, e.g. {@code G1New}, {@code G1Old}
     * @param cause why it ran, e.g. {@code G1 Evacuation Pause}, {@code System.gc()}
     * @param pauseMs its longest stop-the-world pause
     */
    public record GcPause(long startMs, String collector, String cause, double pauseMs) {}

    /**
     * Heap use.
     *
     * @param usedMbMax the most in use at a 250 ms sample
     * @param maxMb the max heap ({@code -Xmx})
     * @param afterGcMbMax the most left after a collection
     * @param afterGcPctMax that, as a share of {@code maxMb} (what the heap guard watches)
     * @param afterGcMbSlopePerMin how fast the heap left after collections grows (least squares over
     *     the collections; null with fewer than three): near 0 is a healthy sawtooth, a steady rise
     *     suggests a leak
     */
    public record Heap(Double usedMbMax, double maxMb, Double afterGcMbMax, Double afterGcPctMax,
            Double afterGcMbSlopePerMin) {}

    /** Virtual threads blocked while pinned: how many times, for how long in total. */
    public record Pinned(long events, double totalMs) {}

    /** The server's threads waiting for locks: {@code synchronized} monitors, parks, their total time. */
    public record Contention(long monitorEvents, long parkEvents, double totalMs) {}

    /** The most platform threads alive, and virtual threads mounted, at any 250 ms sample. */
    public record Threads(int platformMax, int virtualMountedMax) {}

    /**
     * The process.
     *
     * @param cpuPctMean the JVM's CPU use, percent of all cores, mean of the 1 s readings
     * @param machineCpuPctMean the machine's
     * @param fileDescriptorsMax open file descriptors, at most
     * @param serverConnectionsOpenMax connections the server had open, at most
     * @param serverQueueLengthMax work waiting in the server's queue, at most
     * @param allocationMbPerS the heap allocation rate, from JFR's allocation samples
     * @param safepointMsTotal time every Java thread stood still at safepoints
     */
    public record Process(Double cpuPctMean, Double machineCpuPctMean, Integer fileDescriptorsMax,
            int serverConnectionsOpenMax, int serverQueueLengthMax, double allocationMbPerS, double safepointMsTotal) {}

    /**
     * One dispatch target's delay.
     *
     * @param name the target ({@code loop-0}, {@code workers}, …)
     * @param probes probes that ran
     * @param dropped probes the target refused (queue full, stopped)
     * @param delayMs how late they ran; null when none ran
     */
    public record TargetDelay(String name, long probes, long dropped, DelayMs delayMs) {}

    /**
     * Evidence, biggest first, at most ten of each.
     *
     * @param lateDispatch stacks the watchdog took of threads that made a probe late
     * @param locks lock waits and parks by lock class, every role
     * @param pinning pins by reason and stack
     * @param sleeps {@code Thread.sleep} calls on the server's threads by stack
     * @param hotFrames the methods running when sampled (top frame), by role
     */
    public record EvidenceSet(List<Evidence> lateDispatch, List<Evidence> locks, List<Evidence> pinning,
            List<Evidence> sleeps, List<Evidence> hotFrames) {
        public EvidenceSet {
            lateDispatch = List.copyOf(lateDispatch);
            locks = List.copyOf(locks);
            pinning = List.copyOf(pinning);
            sleeps = List.copyOf(sleeps);
            hotFrames = List.copyOf(hotFrames);
        }
    }
}

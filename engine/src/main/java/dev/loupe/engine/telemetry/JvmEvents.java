package dev.loupe.engine.telemetry;

import java.util.List;

/**
 * What the JFR stream reports, one call per event, already reduced to plain values on the run's time
 * base. {@code atMs} is when the event ended (was committed), in milliseconds since the run's start:
 * a wait or pause began {@code durationMs} earlier. Ending times make the batches honest: everything
 * that ended before a flush arrives with it. Called on the
 * stream's consumer thread, in the order the stream delivers (roughly by time, in 1 s batches on
 * JDK 25); implementations must be quick and must not throw. {@code frames} are top first, in the
 * {@link Frames} format, possibly empty.
 */
public interface JvmEvents {

    /** Which JVM mechanism made a thread wait for a lock. */
    enum LockKind {
        /** A {@code synchronized} monitor ({@code jdk.JavaMonitorEnter}). */
        MONITOR,
        /** A {@code java.util.concurrent} park ({@code jdk.ThreadPark}): locks, queues, futures. */
        PARK
    }

    /** A garbage collection ({@code jdk.GarbageCollection}): its total and longest stop-the-world pause. */
    void gc(long atMs, String collector, String cause, double pauseMsTotal, double pauseMsLongest);

    /** Heap use around a collection ({@code jdk.GCHeapSummary}): one call before and one after each. */
    void heapAtGc(long atMs, long gcId, boolean afterGc, long usedBytes, long committedBytes);

    /** A virtual thread blocked while pinned to its carrier ({@code jdk.VirtualThreadPinned}). */
    void pinned(long atMs, double durationMs, ThreadRole role, String reason, List<String> frames);

    /**
     * A thread waited for a lock or parked.
     *
     * @param lockClass the monitor's class, or the park's blocker class ({@code parkedClass}), or empty
     */
    void lockWait(long atMs, LockKind kind, double durationMs, ThreadRole role, String lockClass, List<String> frames);

    /** A thread slept ({@code jdk.ThreadSleep}) at least the scenario's sleep threshold. */
    void slept(long atMs, double durationMs, ThreadRole role, List<String> frames);

    /** CPU use over the last period ({@code jdk.CPULoad}), in percent of all the machine's cores. */
    void cpu(long atMs, double processPct, double machinePct);

    /**
     * A running thread's stack ({@code jdk.ExecutionSample}).
     *
     * @param collapsed the whole stack as a collapsed flame-graph line ({@link CollapsedStacks}), empty for none
     */
    void executionSample(long atMs, ThreadRole role, List<String> frames, String collapsed);

    /**
     * An allocation sample ({@code jdk.ObjectAllocationSample}): {@code weightBytes} stands for that much allocation.
     *
     * @param collapsed the allocating stack as a collapsed flame-graph line, empty for none
     */
    void allocation(long atMs, ThreadRole role, String objectClass, long weightBytes, String collapsed);

    /** A safepoint ({@code jdk.SafepointBegin}): every Java thread stopped for {@code durationMs}. */
    void safepoint(long atMs, double durationMs);

    /**
     * Every event that ended before {@code upToMs} ({@code atMs < upToMs}) has now been delivered: the
     * stream flushed. Called about once a second with a value larger than the last. {@code upToMs}
     * trails the flush that wrote the events by a safety margin (see {@link JfrStream#FLUSH_MARGIN_MS}),
     * so a straggler, an event ending before it but delivered later, is rare but not impossible (a
     * thread descheduled for longer than the margin while committing an event): consumers that seal
     * per-second buckets should count one in their earliest open bucket rather than lose it.
     */
    void flushed(long upToMs);
}

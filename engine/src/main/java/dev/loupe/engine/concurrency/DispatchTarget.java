package dev.loupe.engine.concurrency;

/**
 * A place where a server dispatches work: one event loop, a worker pool's queue, or the scheduler
 * that runs connection threads. Telemetry measures dispatch delay ("event-loop delay") by handing a
 * probe to each target every 10 ms and recording how late it ran: for an event loop, how long the
 * loop took to get to a task; for a pool, how long a task waited in the queue; for virtual threads,
 * how late a newly started virtual thread ran.
 *
 * <p>{@link #execute} is called from a telemetry thread and must never block: a target that cannot
 * take the probe (stopped, queue full) throws {@link java.util.concurrent.RejectedExecutionException},
 * and the probe is counted as dropped.
 */
public interface DispatchTarget {

    /** A short name for charts and findings, e.g. {@code loop-0}, {@code workers}, {@code virtual-threads}. */
    String name();

    /**
     * The thread names this target runs its work on, as a prefix (e.g. {@code loupe-server-loop-0}),
     * so a watchdog can take the stack of the thread that made a probe late.
     */
    String threadNamePrefix();

    /** Runs {@code probe} the way this target runs a request's work, as soon as it can. */
    void execute(Runnable probe);
}

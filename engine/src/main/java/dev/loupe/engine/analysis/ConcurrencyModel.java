package dev.loupe.engine.analysis;

/**
 * How a server variant runs requests, which decides what a finding advises: an event loop must never
 * block, a pool runs out of threads, virtual threads lose carriers to pinning.
 */
public enum ConcurrencyModel {
    /** {@code event-loop}: a few loop threads run every handler. */
    EVENT_LOOP,
    /** {@code event-loop-offload}: loops do the I/O, a worker pool runs handlers. */
    EVENT_LOOP_OFFLOAD,
    /** {@code thread-per-connection}: a new platform thread for each connection. */
    THREAD_PER_CONNECTION,
    /** {@code accept-pool}: threads that accept and serve, recycled, with standby threads. */
    ACCEPT_POOL,
    /** {@code fixed-pool} and {@code jdk-httpserver}: a fixed number of worker threads and a queue. */
    FIXED_POOL,
    /** {@code virtual-threads}: a virtual thread per connection on a few carrier threads. */
    VIRTUAL_THREADS,
    /** A variant this analysis does not know. */
    OTHER;

    /** The model of a variant, by its name. */
    public static ConcurrencyModel of(String variant) {
        return switch (variant) {
            case "event-loop" -> EVENT_LOOP;
            case "event-loop-offload" -> EVENT_LOOP_OFFLOAD;
            case "thread-per-connection" -> THREAD_PER_CONNECTION;
            case "accept-pool" -> ACCEPT_POOL;
            case "fixed-pool", "jdk-httpserver" -> FIXED_POOL;
            case "virtual-threads" -> VIRTUAL_THREADS;
            default -> OTHER;
        };
    }
}

package dev.loupe.engine.concurrency;

/**
 * How a server variant runs requests. Each variant declares its own ({@code
 * ServerVariant.concurrencyModel()}), and what a finding advises follows from it: an event loop must
 * never block, a pool runs out of threads, virtual threads lose carriers to pinning.
 */
public enum ConcurrencyModel {
    /** A few selector loop threads run every handler themselves ({@code event-loop}). */
    EVENT_LOOP,
    /** Loops do the I/O, a worker pool runs the handlers ({@code event-loop-offload}). */
    EVENT_LOOP_OFFLOAD,
    /** A new platform thread for each connection ({@code thread-per-connection}). */
    THREAD_PER_CONNECTION,
    /** Threads that accept and serve, recycled, with standby threads ({@code accept-pool}). */
    ACCEPT_POOL,
    /** A fixed number of worker threads behind a queue ({@code fixed-pool}, {@code jdk-httpserver}). */
    FIXED_POOL,
    /** A virtual thread per connection on a few carrier threads ({@code virtual-threads}). */
    VIRTUAL_THREADS,
    /** A model none of the others describes (a plug-in variant that declares none). */
    OTHER
}

package dev.loupe.engine.server.workload;

import java.util.Map;

/**
 * Where the {@code queue} workload keeps bodies until they expire: one of three implementations with
 * the same bounds and the same meaning, so only their concurrency differs. Entries leave in order of
 * expiry (each request chooses its own time), checked lazily: every call that adds, and every {@code
 * GET /status}, first drops what has expired; there is no cleaner thread. Called from every request
 * thread at once; all methods are thread-safe.
 */
interface QueueStore {

    /** One kept body and when it expires, on the {@link System#nanoTime} scale. */
    record Entry(long expiresAtNanos, byte[] body) {}

    /**
     * Drops what expired at {@code nowNanos}, then adds {@code entry} unless that would pass the
     * bounds on entries or body bytes.
     *
     * @return false when the queue is full (nothing was added)
     */
    boolean offer(Entry entry, long nowNanos);

    /** Drops every entry that expired at or before {@code nowNanos}. */
    void expire(long nowNanos);

    /** Entries kept now (expired ones included until the next {@link #expire}). */
    long size();

    /** The bytes of the bodies kept now. */
    long bodyBytes();

    /** Entries dropped because they expired, since the start. */
    long expired();

    /** Counters of this implementation alone (the atom's compare-and-set retries), in a stable order. */
    default Map<String, Long> ownStats() {
        return Map.of();
    }

    /** True when an entry expiring at {@code expiresAtNanos} has expired at {@code nowNanos}. */
    static boolean expiredAt(long expiresAtNanos, long nowNanos) {
        return expiresAtNanos - nowNanos <= 0;
    }
}

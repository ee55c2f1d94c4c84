package dev.loupe.engine.server.workload;

import java.util.PriorityQueue;

/**
 * {@code queue:locked}: one monitor around a binary heap ordered by expiry. Every request takes the
 * lock for a few hundred nanoseconds (O(log n) to add or drop), so under load threads wait on it
 * ({@code jdk.JavaMonitorEnter} when a wait passes the threshold) but never redo work.
 *
 * <p>A heap rather than BunSpreader's plain deque: each request picks its own time in the queue, so
 * arrival order is not expiry order, and a deque would keep expired bodies behind a longer-lived one.
 */
final class LockedQueue implements QueueStore {
    private final int maxEntries;
    private final long maxBodyBytes;
    private final Object lock = new Object();
    private final PriorityQueue<Entry> entries = // guarded by lock
            new PriorityQueue<>((a, b) -> Long.compare(a.expiresAtNanos() - b.expiresAtNanos(), 0));
    private long bodyBytes; // guarded by lock
    private long expired; // guarded by lock

    LockedQueue(int maxEntries, long maxBodyBytes) {
        this.maxEntries = maxEntries;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean offer(Entry entry, long nowNanos) {
        synchronized (lock) {
            expireLocked(nowNanos);
            if (entries.size() >= maxEntries || bodyBytes + entry.body().length > maxBodyBytes) {
                return false;
            }
            entries.add(entry);
            bodyBytes += entry.body().length;
            return true;
        }
    }

    @Override
    public void expire(long nowNanos) {
        synchronized (lock) {
            expireLocked(nowNanos);
        }
    }

    private void expireLocked(long nowNanos) {
        for (Entry head = entries.peek(); head != null && QueueStore.expiredAt(head.expiresAtNanos(), nowNanos);
                head = entries.peek()) {
            entries.poll();
            bodyBytes -= head.body().length;
            expired++;
        }
    }

    @Override
    public long size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    @Override
    public long bodyBytes() {
        synchronized (lock) {
            return bodyBytes;
        }
    }

    @Override
    public long expired() {
        synchronized (lock) {
            return expired;
        }
    }
}

package dev.loupe.engine.server.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code queue:concurrent}: a lock-free skip list ordered by expiry, with the bounds kept in atomic
 * counters that a request reserves before it adds. Threads never wait for each other and only
 * retry a single compare-and-set on a collision, so it scales with cores: the usual fix for the other
 * two.
 */
final class ConcurrentQueue implements QueueStore {
    /** The skip list's key: expiry, then arrival, so two bodies with the same expiry both stay. */
    private record Key(long expiresAtNanos, long sequence) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byExpiry = Long.compare(expiresAtNanos - other.expiresAtNanos, 0);
            return byExpiry != 0 ? byExpiry : Long.compare(sequence, other.sequence);
        }
    }

    private final int maxEntries;
    private final long maxBodyBytes;
    private final ConcurrentSkipListMap<Key, byte[]> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong size = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final LongAdder expired = new LongAdder();

    ConcurrentQueue(int maxEntries, long maxBodyBytes) {
        this.maxEntries = maxEntries;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean offer(Entry entry, long nowNanos) {
        expire(nowNanos);
        int length = entry.body().length;
        if (size.incrementAndGet() > maxEntries) {
            size.decrementAndGet();
            return false;
        }
        if (bodyBytes.addAndGet(length) > maxBodyBytes) {
            bodyBytes.addAndGet(-length);
            size.decrementAndGet();
            return false;
        }
        entries.put(new Key(entry.expiresAtNanos(), sequence.getAndIncrement()), entry.body());
        return true;
    }

    @Override
    public void expire(long nowNanos) {
        for (Map.Entry<Key, byte[]> head = entries.firstEntry();
                head != null && QueueStore.expiredAt(head.getKey().expiresAtNanos(), nowNanos);
                head = entries.firstEntry()) {
            if (entries.remove(head.getKey(), head.getValue())) { // one thread wins each entry
                bodyBytes.addAndGet(-head.getValue().length);
                size.decrementAndGet();
                expired.increment();
            }
        }
    }

    @Override
    public long size() {
        return size.get();
    }

    @Override
    public long bodyBytes() {
        return bodyBytes.get();
    }

    @Override
    public long expired() {
        return expired.sum();
    }
}

package dev.loupe.engine.server.workload;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code queue:atom}: the Clojure atom of BunSpreader's port. One {@link AtomicReference} holds an
 * immutable snapshot (an array sorted by expiry); every update copies the whole array with its
 * change and compare-and-sets it in, and when another thread won in between it copies again from the
 * new value. A copy costs O(queue length), so the longer the queue and the more threads, the more
 * updates lose and redo their copy: a retry storm that burns CPU without progress. {@code successes}
 * counts the updates that won; {@code retries} the copies thrown away.
 */
final class AtomQueue implements QueueStore {
    /** The atom's value: entries sorted by expiry (never modified once published) and their body bytes. */
    private record Snapshot(Entry[] entries, long bodyBytes) {}

    private static final Snapshot EMPTY = new Snapshot(new Entry[0], 0);

    private final int maxEntries;
    private final long maxBodyBytes;
    private final AtomicReference<Snapshot> atom = new AtomicReference<>(EMPTY);
    private final LongAdder successes = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder expired = new LongAdder();

    AtomQueue(int maxEntries, long maxBodyBytes) {
        this.maxEntries = maxEntries;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean offer(Entry entry, long nowNanos) {
        int length = entry.body().length;
        while (true) {
            Snapshot old = atom.get();
            Entry[] from = old.entries();
            int drop = expiredPrefix(from, nowNanos);
            long keptBytes = old.bodyBytes() - bytes(from, 0, drop);
            int kept = from.length - drop;
            if (kept >= maxEntries || keptBytes + length > maxBodyBytes) {
                expire(nowNanos); // full: still let what expired go
                return false;
            }
            int at = insertionPoint(from, drop, entry.expiresAtNanos());
            Entry[] next = new Entry[kept + 1];
            System.arraycopy(from, drop, next, 0, at - drop);
            next[at - drop] = entry;
            System.arraycopy(from, at, next, at - drop + 1, from.length - at);
            if (atom.compareAndSet(old, new Snapshot(next, keptBytes + length))) {
                successes.increment();
                expired.add(drop);
                return true;
            }
            retries.increment();
        }
    }

    @Override
    public void expire(long nowNanos) {
        while (true) {
            Snapshot old = atom.get();
            Entry[] from = old.entries();
            int drop = expiredPrefix(from, nowNanos);
            if (drop == 0) {
                return;
            }
            Entry[] next = Arrays.copyOfRange(from, drop, from.length);
            if (atom.compareAndSet(old, new Snapshot(next, old.bodyBytes() - bytes(from, 0, drop)))) {
                successes.increment();
                expired.add(drop);
                return;
            }
            retries.increment();
        }
    }

    /** How many entries at the front have expired. */
    private static int expiredPrefix(Entry[] entries, long nowNanos) {
        int n = 0;
        while (n < entries.length && QueueStore.expiredAt(entries[n].expiresAtNanos(), nowNanos)) {
            n++;
        }
        return n;
    }

    /** The first index from {@code from} whose entry expires after {@code expiresAtNanos} (binary search). */
    private static int insertionPoint(Entry[] entries, int from, long expiresAtNanos) {
        int low = from;
        int high = entries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries[mid].expiresAtNanos() - expiresAtNanos <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static long bytes(Entry[] entries, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += entries[i].body().length;
        }
        return sum;
    }

    @Override
    public long size() {
        return atom.get().entries().length;
    }

    @Override
    public long bodyBytes() {
        return atom.get().bodyBytes();
    }

    @Override
    public long expired() {
        return expired.sum();
    }

    /** Updates that won their compare-and-set, and copies thrown away because another update won first. */
    @Override
    public Map<String, Long> ownStats() {
        return new Stats().put("successes", successes.sum()).put("retries", retries.sum()).map();
    }
}

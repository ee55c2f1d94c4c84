package dev.loupe.engine.load;

import java.util.Arrays;

/**
 * A binary min-heap of (deadline, connection index) pairs with a fixed capacity, for think times and
 * reconnect back-off. Allocation-free after construction; each connection is in it at most once.
 * Confined to one selector thread.
 */
final class TimerHeap {
    private final long[] deadlines;
    private final int[] ids;
    private int size;

    TimerHeap(int capacity) {
        deadlines = new long[capacity];
        ids = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} when empty. */
    long peekDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    /** Removes the earliest entry and returns its id. */
    int poll() {
        int id = ids[0];
        size--;
        if (size > 0) {
            deadlines[0] = deadlines[size];
            ids[0] = ids[size];
            siftDown(0);
        }
        return id;
    }

    void add(int id, long deadline) {
        int i = size++;
        deadlines[i] = deadline;
        ids[i] = id;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (deadlines[parent] <= deadlines[i]) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    void clear() {
        size = 0;
        Arrays.fill(ids, 0);
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && deadlines[left + 1] < deadlines[left] ? left + 1 : left;
            if (deadlines[i] <= deadlines[smallest]) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        long d = deadlines[a];
        deadlines[a] = deadlines[b];
        deadlines[b] = d;
        int x = ids[a];
        ids[a] = ids[b];
        ids[b] = x;
    }
}

package dev.loupe.engine.server.nio;

import java.util.Arrays;

/**
 * The deadlines of one event loop: a binary min-heap of nodes (connections), each in it at most once,
 * keyed by the latest time the loop must look at it. The loop asks {@link #nextDeadline()} how long
 * it may block in {@code select}, and after each select takes the {@link #pollDue due} nodes, which
 * compare the time with their own real deadline and act or re-arm.
 *
 * <p>Cheap on the hot path: a connection moves its deadline on every request, but {@link #schedule}
 * only touches the heap when the new deadline is earlier than the one queued. A later deadline (the
 * usual case: each keep-alive request pushes the idle deadline out) costs one comparison; the node
 * is polled early and re-arms itself. So a node is due <em>no later</em> than its deadline, possibly
 * before it: owners must re-check. Allocation-free once the heap has grown to the loop's connection
 * count.
 *
 * <p>Pure: it never reads a clock; times are {@link System#nanoTime()}-style values passed in, compared
 * by subtraction so that the clock's origin and wrap-around do not matter. Confined to its loop's
 * thread, not thread-safe.
 */
final class LoopTimer<T extends LoopTimer.Node> {

    /** What the timer keeps in each node, so that scheduling and cancelling find it without search. */
    abstract static class Node {
        /** Index in the heap, or -1 when not queued; only the timer touches it. */
        int timerIndex = -1;

        /** True while the node is queued. */
        final boolean timerQueued() {
            return timerIndex >= 0;
        }
    }

    private Node[] nodes;
    private long[] keys;
    private int size;

    LoopTimer() {
        this(64);
    }

    LoopTimer(int initialCapacity) {
        nodes = new Node[Math.max(4, initialCapacity)];
        keys = new long[nodes.length];
    }

    /** Nodes queued now. */
    int size() {
        return size;
    }

    /**
     * Makes sure the node is due no later than {@code deadline}: queues it, or moves it earlier; a
     * node already due earlier stays as it is.
     */
    void schedule(T node, long deadline) {
        int i = node.timerIndex;
        if (i < 0) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            i = size++;
            nodes[i] = node;
            keys[i] = deadline;
            node.timerIndex = i;
            siftUp(i);
        } else if (deadline - keys[i] < 0) {
            keys[i] = deadline;
            siftUp(i);
        }
    }

    /** Removes the node if it is queued. */
    void cancel(T node) {
        int i = node.timerIndex;
        if (i < 0) {
            return;
        }
        node.timerIndex = -1;
        size--;
        if (i != size) {
            move(size, i);
            siftDown(i);
            siftUp(i);
        }
        nodes[size] = null;
    }

    /** The earliest queued deadline; only meaningful when {@link #size()} is positive. */
    long nextDeadline() {
        return keys[0];
    }

    /** Removes and returns a node whose deadline is at or before {@code now}, or null if none is. */
    @SuppressWarnings("unchecked")
    T pollDue(long now) {
        if (size == 0 || now - keys[0] < 0) {
            return null;
        }
        Node due = nodes[0];
        cancel((T) due);
        return (T) due;
    }

    private void siftUp(int i) {
        Node node = nodes[i];
        long key = keys[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (key - keys[parent] >= 0) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        nodes[i] = node;
        keys[i] = key;
        node.timerIndex = i;
    }

    private void siftDown(int i) {
        Node node = nodes[i];
        long key = keys[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] - keys[child] < 0) {
                child++;
            }
            if (keys[child] - key >= 0) {
                break;
            }
            move(child, i);
            i = child;
        }
        nodes[i] = node;
        keys[i] = key;
        node.timerIndex = i;
    }

    private void move(int from, int to) {
        nodes[to] = nodes[from];
        keys[to] = keys[from];
        nodes[to].timerIndex = to;
    }
}

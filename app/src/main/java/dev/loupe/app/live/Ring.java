package dev.loupe.app.live;

import java.util.Arrays;

/**
 * A bounded series of points in time: each point is a span's start (ms since the run's start) with
 * the least and the most value seen in it. While fewer than {@link #capacity} points have arrived
 * every point is one second as it came (least = most); at capacity, neighbours are merged pairwise, as
 * {@code result.json}'s intervals are, so an hour costs the same memory as ten minutes. A missing
 * value is NaN and draws as a gap. Confined to one thread (the FX thread).
 */
public final class Ring {
    private final long[] startMs;
    private final double[] min;
    private final double[] max;
    private int size;

    /** @param capacity the most points kept; even, at least 2 */
    public Ring(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: even, >= 2)");
        }
        startMs = new long[capacity];
        min = new double[capacity];
        max = new double[capacity];
    }

    /** Adds one span's value; NaN for none. Spans arrive in time order. */
    public void add(long spanStartMs, double value) {
        add(spanStartMs, value, value);
    }

    /** Adds one span's least and most value (heap used between and at collections); NaN for none. */
    public void add(long spanStartMs, double least, double most) {
        startMs[size] = spanStartMs;
        min[size] = least;
        max[size] = most;
        size++;
        if (size == startMs.length) {
            halve();
        }
    }

    private void halve() {
        int out = 0;
        for (int i = 0; i < size; i += 2) {
            startMs[out] = startMs[i];
            min[out] = lesser(min[i], min[i + 1]);
            max[out] = greater(max[i], max[i + 1]);
            out++;
        }
        size = out;
    }

    private static double lesser(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double greater(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return startMs.length;
    }

    public long startMs(int i) {
        check(i);
        return startMs[i];
    }

    /** The least value of point {@code i}. */
    public double min(int i) {
        check(i);
        return min[i];
    }

    /** The most value of point {@code i} (the value itself before any merge). */
    public double max(int i) {
        check(i);
        return max[i];
    }

    /** The point covering {@code timeMs}: the last one starting at or before it; -1 before the first. */
    public int indexAt(long timeMs) {
        int i = Arrays.binarySearch(startMs, 0, size, timeMs);
        return i >= 0 ? i : -i - 2;
    }

    /** The most value over every point, ignoring gaps; NaN when there is none. */
    public double highest() {
        double h = Double.NaN;
        for (int i = 0; i < size; i++) {
            h = greater(h, max[i]);
        }
        return h;
    }

    public void clear() {
        size = 0;
    }

    /**
     * What to draw in {@code columns} pixel columns over {@code [fromMs, toMs)}: at most one
     * least/most pair per column (in that order, at the time of the column's first point; one value
     * when they are equal), so a one-second spike survives at any width and a sawtooth keeps its teeth.
     *
     * @param xMs receives the times (at least {@code 2 * size()} long)
     * @param y receives the values (as long)
     * @return the number of (x, y) pairs written
     */
    public int decimate(int columns, long fromMs, long toMs, double[] xMs, double[] y) {
        double width = columns <= 0 || toMs <= fromMs ? 0 : (double) (toMs - fromMs) / columns;
        int n = 0;
        int i = 0;
        while (i < size) {
            long x = startMs[i];
            double lo = min[i];
            double hi = max[i];
            long column = width == 0 || size <= columns ? i : (long) Math.floor((startMs[i] - fromMs) / width);
            i++;
            while (i < size && width > 0 && size > columns && (long) Math.floor((startMs[i] - fromMs) / width) == column) {
                lo = lesser(lo, min[i]);
                hi = greater(hi, max[i]);
                i++;
            }
            if (Double.isNaN(lo)) {
                lo = hi;
            }
            xMs[n] = x;
            y[n++] = lo;
            if (!(lo == hi || Double.isNaN(hi))) {
                xMs[n] = x;
                y[n++] = hi;
            }
        }
        return n;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size);
        }
    }
}

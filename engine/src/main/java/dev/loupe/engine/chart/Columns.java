package dev.loupe.engine.chart;

import java.util.Arrays;

/**
 * Thins a series to what a chart of some width can show: at most the least and the most point of
 * each pixel column, in time order, so a one-second spike survives any width and a long run's line
 * never becomes a smear. A column without a measured point (NaN) keeps one NaN point, so the line
 * breaks there instead of bridging the gap.
 */
public final class Columns {
    private Columns() {}

    /**
     * @param x the points' times, ascending
     * @param y their values, NaN where nothing was measured
     * @param fromX where the chart's first column starts
     * @param toX where its last ends
     * @param columns how many columns the chart has (at least 1)
     * @return {x, y}: the input itself when it has no more than two points a column
     */
    public static double[][] leastAndMost(double[] x, double[] y, double fromX, double toX, int columns) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points, y " + y.length);
        }
        if (x.length <= 2L * columns || toX <= fromX) {
            return new double[][] {x.clone(), y.clone()};
        }
        double[] outX = new double[2 * columns + 2];
        double[] outY = new double[outX.length];
        int n = 0;
        int i = 0;
        while (i < x.length) {
            int column = column(x[i], fromX, toX, columns);
            int least = -1;
            int most = -1;
            int first = i;
            for (; i < x.length && column(x[i], fromX, toX, columns) == column; i++) {
                if (Double.isNaN(y[i])) {
                    continue;
                }
                if (least < 0 || y[i] < y[least]) {
                    least = i;
                }
                if (most < 0 || y[i] > y[most]) {
                    most = i;
                }
            }
            if (n + 2 > outX.length) {
                outX = Arrays.copyOf(outX, outX.length * 2);
                outY = Arrays.copyOf(outY, outY.length * 2);
            }
            if (least < 0) {
                outX[n] = x[first];
                outY[n++] = Double.NaN;
            } else {
                int a = Math.min(least, most);
                int b = Math.max(least, most);
                outX[n] = x[a];
                outY[n++] = y[a];
                if (b != a) {
                    outX[n] = x[b];
                    outY[n++] = y[b];
                }
            }
        }
        return new double[][] {Arrays.copyOf(outX, n), Arrays.copyOf(outY, n)};
    }

    private static int column(double x, double fromX, double toX, int columns) {
        int c = (int) Math.floor((x - fromX) / (toX - fromX) * columns);
        return Math.max(0, Math.min(columns - 1, c));
    }
}

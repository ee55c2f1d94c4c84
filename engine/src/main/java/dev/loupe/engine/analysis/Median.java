package dev.loupe.engine.analysis;

import java.util.stream.DoubleStream;

/** The median the rules use: the middle value, or the mean of the two middle ones; NaN for none. */
final class Median {
    private Median() {}

    static double of(DoubleStream values) {
        double[] v = values.sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

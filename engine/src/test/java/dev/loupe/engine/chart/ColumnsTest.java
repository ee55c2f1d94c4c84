package dev.loupe.engine.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A long series thinned to a chart's width keeps each column's least and most, a spike above all. */
class ColumnsTest {
    @Test
    void anHourAtFiveHundredColumnsKeepsItsOneSecondSpike() {
        int n = 3600;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 10 + (i % 7); // a sawtooth between 10 and 16
        }
        y[1234] = 500; // one second's spike
        double[][] thin = Columns.leastAndMost(x, y, 0, n, 500);

        assertThat(thin[0].length).isLessThanOrEqualTo(1000).isGreaterThan(500);
        assertThat(Arrays.stream(thin[1]).max().orElseThrow()).as("the spike survives").isEqualTo(500);
        assertThat(Arrays.stream(thin[1]).min().orElseThrow()).as("so does the floor").isEqualTo(10);
        for (int i = 1; i < thin[0].length; i++) {
            assertThat(thin[0][i]).as("in time order").isGreaterThan(thin[0][i - 1]);
        }
    }

    @Test
    void aShortSeriesIsKeptAsItIsAndAGapStaysAGap() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, Double.NaN, 3, 4};
        double[][] same = Columns.leastAndMost(x, y, 0, 4, 500);
        assertThat(same[1]).containsExactly(1, Double.NaN, 3, 4);

        double[] lx = new double[100];
        double[] ly = new double[100];
        for (int i = 0; i < 100; i++) {
            lx[i] = i;
            ly[i] = i >= 40 && i < 60 ? Double.NaN : 1;
        }
        double[][] thin = Columns.leastAndMost(lx, ly, 0, 100, 10);
        assertThat(thin[1]).as("a column with nothing measured keeps one NaN, which breaks the line").contains(Double.NaN);
    }
}

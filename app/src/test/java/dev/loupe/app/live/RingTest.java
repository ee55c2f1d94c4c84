package dev.loupe.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RingTest {

    @Test
    void keepsEverySecondUntilFullThenMergesNeighboursKeepingLeastAndMost() {
        Ring ring = new Ring(4);
        ring.add(0, 5);
        ring.add(1000, 1);
        ring.add(2000, 7);
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.max(1)).isEqualTo(1);

        ring.add(3000, 2); // the fourth fills it: pairs merge
        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.startMs(0)).isZero();
        assertThat(ring.min(0)).isEqualTo(1);
        assertThat(ring.max(0)).isEqualTo(5);
        assertThat(ring.startMs(1)).isEqualTo(2000);
        assertThat(ring.min(1)).isEqualTo(2);
        assertThat(ring.max(1)).isEqualTo(7);
    }

    @Test
    void anHourCostsWhatTenMinutesCost() {
        Ring ring = new Ring(600);
        for (int s = 0; s < 3600; s++) {
            ring.add(s * 1000L, s);
        }
        assertThat(ring.size()).isLessThanOrEqualTo(ring.capacity());
        assertThat(ring.highest()).isEqualTo(3599);
        assertThat(ring.min(0)).isZero();
    }

    @Test
    void aGapIsNaNAndMergingIgnoresIt() {
        Ring ring = new Ring(2);
        ring.add(0, Double.NaN);
        ring.add(1000, 3);
        assertThat(ring.max(0)).isEqualTo(3);
        assertThat(ring.min(0)).isEqualTo(3);
    }

    @Test
    void findsThePointCoveringATime() {
        Ring ring = new Ring(8);
        ring.add(0, 1);
        ring.add(1000, 2);
        assertThat(ring.indexAt(-1)).isEqualTo(-1);
        assertThat(ring.indexAt(0)).isZero();
        assertThat(ring.indexAt(999)).isZero();
        assertThat(ring.indexAt(1500)).isEqualTo(1);
    }

    @Test
    void drawsAtMostOneLeastMostPairPerColumnAndKeepsASpike() {
        Ring ring = new Ring(4000);
        for (int s = 0; s < 3000; s++) {
            ring.add(s * 1000L, s == 1234 ? 900 : 10);
        }
        double[] x = new double[6000];
        double[] y = new double[6000];
        int n = ring.decimate(300, 0, 3_000_000, x, y);
        assertThat(n).isLessThanOrEqualTo(600);
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, y[i]);
        }
        assertThat(top).as("the one-second spike survives").isEqualTo(900);

        int all = ring.decimate(5000, 0, 3_000_000, x, y);
        assertThat(all).as("control: wide enough, every point as it came").isEqualTo(3000);
    }

    @Test
    void aMergedPointDrawsItsLeastThenItsMost() {
        Ring ring = new Ring(8);
        ring.add(0, 100, 300); // a sawtooth's second: collected down to 100, grew to 300
        double[] x = new double[2];
        double[] y = new double[2];
        assertThat(ring.decimate(100, 0, 1000, x, y)).isEqualTo(2);
        assertThat(y).containsExactly(100, 300);
    }

    @Test
    void anOddCapacityIsRefusedByName() {
        assertThatThrownBy(() -> new Ring(3)).hasMessage("capacity: 3 (expected: even, >= 2)");
    }
}

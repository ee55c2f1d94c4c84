package dev.loupe.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void mergedPartsGiveExactlyWhatOneHistogramGives() {
        Random random = new Random(11);
        Histogram whole = LatencyRange.newHistogram();
        List<LatencyHistogram> parts = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            Histogram part = LatencyRange.newHistogram();
            for (int i = 0; i < 5_000; i++) {
                long ns = (long) (Math.exp(random.nextGaussian() * 2 + 12)); // ~160 µs, long tail
                ns = LatencyRange.clampNs(ns);
                part.recordValue(ns);
                whole.recordValue(ns);
            }
            parts.add(LatencyHistogram.copyOf(part));
        }
        LatencyHistogram merged = LatencyHistogram.merge(parts);
        assertThat(merged.count()).isEqualTo(whole.getTotalCount());
        assertThat(merged.toLatencyMs()).isEqualTo(LatencyMs.of(whole));
        for (double q : new double[] {0, 10, 50, 99, 99.99, 100}) {
            assertThat(merged.percentileMs(q)).isEqualTo(whole.getValueAtPercentile(q) / 1e6);
        }
        Histogram back = LatencyRange.newHistogram();
        merged.addTo(back);
        assertThat(back).isEqualTo(whole);
    }

    @Test
    void emptyIsZeros() {
        assertThat(LatencyHistogram.empty().toLatencyMs()).isEqualTo(LatencyMs.EMPTY);
        assertThat(LatencyHistogram.merge(List.of()).count()).isZero();
        assertThat(LatencyHistogram.copyOf(LatencyRange.newHistogram()).percentileMs(99)).isZero();
    }
}

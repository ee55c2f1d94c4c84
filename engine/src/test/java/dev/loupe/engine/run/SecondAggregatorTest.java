package dev.loupe.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import dev.loupe.engine.series.SecondInterval;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SecondAggregatorTest {
    private final List<SecondInterval> closed = new ArrayList<>();

    @Test
    void fourQuarterSecondsMakeOneSecondWithExactPercentiles() {
        SecondAggregator seconds = new SecondAggregator(3600, (second, detail) -> closed.add(second));
        for (int i = 0; i < 8; i++) {
            seconds.add(snapshot(i, false, 100, i < 4 ? 1_000_000 : 2_000_000));
        }
        seconds.flush();
        assertThat(closed).hasSize(2);
        SecondInterval first = closed.get(0);
        assertThat(first.startMs()).isZero();
        assertThat(first.endMs()).isEqualTo(1000);
        assertThat(first.requests()).isEqualTo(400);
        assertThat(first.throughputRps()).isEqualTo(400.0);
        assertThat(first.latencyMs().p99()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(closed.get(1).latencyMs().p99()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(seconds.series()).isEqualTo(closed);
    }

    @Test
    void aSecondNeverMixesWarmupAndMeasurement() {
        SecondAggregator seconds = new SecondAggregator(3600, (second, detail) -> closed.add(second));
        for (int i = 0; i < 8; i++) {
            seconds.add(snapshot(i, i < 6, 10, 1_000_000)); // warm-up ends at 1.5 s
        }
        seconds.flush();
        assertThat(closed).extracting(SecondInterval::startMs, SecondInterval::endMs, SecondInterval::warmup)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 1000L, true),
                        org.assertj.core.groups.Tuple.tuple(1000L, 1500L, true),
                        org.assertj.core.groups.Tuple.tuple(1500L, 2000L, false));
    }

    @Test
    void theSeriesStaysBoundedByMergingNeighbours() {
        SecondAggregator seconds = new SecondAggregator(8, (second, detail) -> closed.add(second));
        for (int i = 0; i < 4 * 100; i++) { // 100 seconds
            seconds.add(snapshot(i, false, 10, i == 200 ? 50_000_000 : 1_000_000));
        }
        seconds.flush();
        List<SecondInterval> series = seconds.series();
        assertThat(series.size()).isLessThan(8);
        assertThat(series.getFirst().startMs()).isZero();
        assertThat(series.getLast().endMs()).isEqualTo(100_000);
        assertThat(series.stream().mapToLong(SecondInterval::requests).sum()).isEqualTo(4000);
        // the stall at 50 s survives the merging: a merged span keeps the larger percentile
        assertThat(series.stream().mapToDouble(s -> s.latencyMs().max()).max().orElseThrow()).isGreaterThan(49);
    }

    private static IntervalSnapshot snapshot(int index, boolean warmup, int requests, long latencyNs) {
        Histogram h = new Histogram(LatencyRange.LOWEST_NS, LatencyRange.HIGHEST_NS, LatencyRange.SIGNIFICANT_DIGITS);
        h.recordValueWithCount(latencyNs, requests);
        LatencyHistogram latency = LatencyHistogram.copyOf(h);
        return new IntervalSnapshot(index, index * 250L, index * 250L + 250, warmup, requests, requests,
                requests * 4.0, ErrorCounts.NONE, ConnectionCounts.NONE, 5, latency.toLatencyMs(),
                latency.toLatencyMs(), latency, latency, 0, 0, 0, 0, 0);
    }
}

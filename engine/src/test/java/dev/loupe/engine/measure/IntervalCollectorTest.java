package dev.loupe.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The collector against a manual clock: boundaries, deltas, warm-up, the summary. Nothing sleeps. */
class IntervalCollectorTest {
    private static final long MS = 1_000_000L;
    private final ManualNanoClock clock = new ManualNanoClock(5_000 * MS); // any origin works

    @Test
    void boundariesEvery250msWithOneAtTheEndOfWarmup() {
        long start = clock.nanoTime();
        IntervalCollector c = new IntervalCollector(List.of(new LoadMeter("a", false)), start, 600 * MS, List.of());
        List<Long> boundariesMs = new ArrayList<>();
        List<Boolean> warmup = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long next = c.nextBoundaryNs();
            boundariesMs.add((next - start) / MS);
            clock.setNs(next);
            warmup.add(c.closeInterval(clock.nanoTime()).warmup());
        }
        assertThat(boundariesMs).containsExactly(250L, 500L, 600L, 750L, 1000L);
        assertThat(warmup).containsExactly(true, true, true, false, false);
    }

    @Test
    void aLateCloseStillCoversEverythingOnce() {
        long start = clock.nanoTime();
        LoadMeter meter = new LoadMeter("a", false);
        IntervalCollector c = new IntervalCollector(List.of(meter), start, 0, List.of());
        meter.recordResponse(MS, MS, 200);
        clock.setNs(start + 730 * MS); // the collector thread was late
        IntervalSnapshot s = c.closeInterval(clock.nanoTime());
        assertThat(s.startMs()).isZero();
        assertThat(s.endMs()).isEqualTo(730);
        assertThat((c.nextBoundaryNs() - start) / MS).isEqualTo(750);
    }

    @Test
    void snapshotsCarryDeltasAndTheSummaryExcludesWarmup() {
        long start = clock.nanoTime();
        LoadMeter a = new LoadMeter("a", true);
        LoadMeter b = new LoadMeter("b", true);
        List<IntervalSnapshot> seen = new ArrayList<>();
        IntervalCollector c = new IntervalCollector(List.of(a, b), start, 250 * MS, List.of(seen::add));

        // warm-up: slow responses that must not reach the summary
        a.recordResponse(900 * MS, 900 * MS, 200);
        b.recordFailure(ErrorClass.CONNECT);
        clock.advanceNs(250 * MS);
        IntervalSnapshot w = c.closeInterval(clock.nanoTime());
        assertThat(w.warmup()).isTrue();
        assertThat(w.requests()).isEqualTo(2);

        // measured: 4 fast responses, one 500, one timeout; the open model's views differ
        for (int i = 0; i < 3; i++) {
            a.recordResponse(10 * MS, 2 * MS, 200);
        }
        b.recordResponse(20 * MS, 4 * MS, 500);
        b.recordFailure(ErrorClass.TIMEOUT);
        a.addBehindScheduleNs(30 * MS);
        b.addBehindScheduleNs(50 * MS);
        a.setScheduleLagNs(7 * MS);
        clock.advanceNs(250 * MS);
        IntervalSnapshot m1 = c.closeInterval(clock.nanoTime());
        assertThat(m1.warmup()).isFalse();
        assertThat(m1.requests()).isEqualTo(5);
        assertThat(m1.responses()).isEqualTo(4);
        assertThat(m1.throughputRps()).isEqualTo(16.0);
        assertThat(m1.errors()).isEqualTo(ErrorCounts.of(0, 0, 0, 1, 0, 0, 1));
        assertThat(m1.behindScheduleMs()).as("the worst thread, not the sum").isEqualTo(50);
        assertThat(m1.scheduleLagMs()).isEqualTo(7);
        assertThat(m1.latencyMs().p50()).isCloseTo(10, within(0.02));
        assertThat(m1.uncorrectedLatencyMs().p50()).isCloseTo(2, within(0.01));

        clock.advanceNs(250 * MS);
        IntervalSnapshot m2 = c.closeInterval(clock.nanoTime());
        assertThat(m2.requests()).as("counts are per interval").isZero();

        LoadSummary s = c.summary();
        assertThat(s.requests()).isEqualTo(5);
        assertThat(s.durationS()).isEqualTo(0.5);
        assertThat(s.throughputRps()).isEqualTo(8.0);
        assertThat(s.errorRatePct()).isEqualTo(40.0);
        assertThat(s.errors().total()).isEqualTo(2);
        assertThat(s.errors().connect()).as("warm-up errors are not in the summary").isZero();
        assertThat(s.latencyMs().max()).as("warm-up latencies are not in the summary").isLessThan(21);
        assertThat(s.latencyMs().p50()).isCloseTo(10, within(0.02));
        assertThat(s.uncorrectedLatencyMs().max()).isCloseTo(4, within(0.01));
        assertThat(s.generator()).isEqualTo(new GeneratorHealth(50, false));
        assertThat(c.measuredLatency().count()).isEqualTo(4);
        assertThat(seen).containsExactly(w, m1, m2);
    }

    @Test
    void aLaggingStopMeansSaturated() {
        LoadMeter a = new LoadMeter("a", true);
        IntervalCollector c = new IntervalCollector(List.of(a), clock.nanoTime(), 0, List.of());
        a.recordStop(IntervalCollector.SATURATION_LAG_NS + 1, 1234);
        c.closeInterval(clock.nanoTime() + 100 * MS);
        assertThat(c.summary().generator().saturated()).isTrue();
        assertThat(c.unsentAtStop()).isEqualTo(1234);

        LoadMeter calm = new LoadMeter("b", true);
        IntervalCollector control = new IntervalCollector(List.of(calm), clock.nanoTime(), 0, List.of());
        calm.recordStop(2 * MS, 0);
        control.closeInterval(clock.nanoTime() + 100 * MS);
        assertThat(control.summary().generator().saturated()).isFalse();
    }

    @Test
    void anEmptyRunSummarizesToZeros() {
        IntervalCollector c = new IntervalCollector(List.of(new LoadMeter("a", false)), clock.nanoTime(), 0, List.of());
        LoadSummary s = c.summary();
        assertThat(s.requests()).isZero();
        assertThat(s.durationS()).isZero();
        assertThat(s.latencyMs()).isEqualTo(LatencyMs.EMPTY);
        assertThat(s.errorRatePct()).isZero();
    }

    @Test
    void aFailingListenerIsDroppedAndTheOthersCarryOn() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger badCalls = new AtomicInteger();
        IntervalListener bad = s -> {
            badCalls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        };
        IntervalCollector c = new IntervalCollector(List.of(new LoadMeter("a", false)), clock.nanoTime(), 0,
                List.of(bad, s -> calls.incrementAndGet()));
        for (int i = 1; i <= 3; i++) {
            c.closeInterval(clock.nanoTime() + i * 250 * MS);
        }
        assertThat(badCalls).hasValue(1);
        assertThat(calls).hasValue(3);
    }

    @Test
    void histogramsMergeIntoSeconds() {
        long start = clock.nanoTime();
        LoadMeter a = new LoadMeter("a", false);
        List<IntervalSnapshot> seen = new ArrayList<>();
        IntervalCollector c = new IntervalCollector(List.of(a), start, 0, List.of(seen::add));
        for (int i = 1; i <= 4; i++) {
            for (int k = 0; k < 99; k++) {
                a.recordResponse(MS, MS, 200);
            }
            a.recordResponse(i * 100 * MS, i * 100 * MS, 200);
            c.closeInterval(start + i * 250 * MS);
        }
        LatencyHistogram second = LatencyHistogram.merge(seen.stream().map(IntervalSnapshot::latency).toList());
        assertThat(second.count()).isEqualTo(400);
        assertThat(second.percentileMs(100)).isCloseTo(400, within(0.5));
        assertThat(second.percentileMs(50)).isCloseTo(1, within(0.01));
        assertThat(second.toLatencyMs()).isEqualTo(c.summary().latencyMs());
    }
}

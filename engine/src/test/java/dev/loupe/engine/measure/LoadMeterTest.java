package dev.loupe.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void outOfRangeLatenciesAreClampedAndCountedNeverThrown() {
        LoadMeter meter = new LoadMeter("t", true);
        meter.recordResponse(120_000 * MS, 1 * MS, 200); // 2 minutes: above the range
        meter.recordResponse(-5, 0, 200); // a clock that went backwards, and zero
        meter.recordResponse(Long.MAX_VALUE, Long.MIN_VALUE, 200);
        IntervalCollector c = new IntervalCollector(List.of(meter), 0, 0, List.of());
        IntervalSnapshot s = c.closeInterval(250 * MS);
        assertThat(s.responses()).isEqualTo(3);
        assertThat(s.outOfRangeLatencies()).isEqualTo(5); // every value except the uncorrected 1 ms
        assertThat(s.latencyMs().max()).isCloseTo(60_000, org.assertj.core.api.Assertions.within(60.0));
        assertThat(s.latencyMs().min()).isEqualTo(0.001);
    }

    @Test
    void statusClassesAreErrorsWithLatencies() {
        LoadMeter meter = new LoadMeter("t", false);
        meter.recordResponse(MS, MS, 200);
        meter.recordResponse(MS, MS, 404);
        meter.recordResponse(MS, MS, 503);
        meter.recordResponse(MS, MS, 302);
        meter.recordFailure(ErrorClass.READ);
        IntervalSnapshot s = new IntervalCollector(List.of(meter), 0, 0, List.of()).closeInterval(250 * MS);
        assertThat(s.requests()).isEqualTo(5);
        assertThat(s.responses()).isEqualTo(4);
        assertThat(s.errors()).isEqualTo(ErrorCounts.of(0, 1, 0, 0, 0, 1, 1));
        assertThat(s.latency().count()).isEqualTo(4);
    }

    @Test
    void connectionCountsAndTheOpenGauge() {
        LoadMeter meter = new LoadMeter("t", false);
        meter.countConnectAttempt();
        meter.countConnectEstablished(false);
        meter.countConnectAttempt();
        meter.countConnectFailed();
        meter.countConnectAttempt();
        meter.countConnectEstablished(true);
        meter.countConnectionClosed();
        IntervalSnapshot s = new IntervalCollector(List.of(meter), 0, 0, List.of()).closeInterval(250 * MS);
        assertThat(s.connections()).isEqualTo(new ConnectionCounts(3, 2, 1, 1));
        assertThat(s.connectionsOpen()).isEqualTo(1);
    }
}

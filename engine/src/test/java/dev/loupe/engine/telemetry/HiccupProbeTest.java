package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.ManualNanoClock;
import dev.loupe.engine.measure.RunClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiccupProbeTest {
    private static final long MS = 1_000_000L;
    private final ManualNanoClock nanos = new ManualNanoClock(5_000 * MS);
    private final RunClock clock = new RunClock(nanos, nanos.nanoTime(), Instant.parse("2026-01-01T00:00:00Z"));
    private final List<TelemetrySecond> delivered = new ArrayList<>();
    private final Timeline timeline = new Timeline(0, List.of(), 1024 * MS, delivered::add);
    private final HiccupProbe probe = new HiccupProbe(clock, timeline);

    private void wake(long dueMs, long lateNs) {
        long due = clock.originNs() + dueMs * MS;
        probe.woke(due, due + lateNs);
    }

    @Test
    void eachSecondGetsTheLatenessOfItsWakeUpsAndAStallShowsInItsOwnSecond() {
        for (long ms = 10; ms < 1000; ms += 10) {
            wake(ms, 50_000); // 50 µs late: a quiet JVM
        }
        wake(1010, 120 * MS); // a 120 ms stall
        wake(2010, 40_000); // the second with the stall is handed on when the next begins
        probe.finish();
        timeline.seal(3000);

        assertThat(delivered).extracting(TelemetrySecond::startMs).containsExactly(0L, 1000L, 2000L);
        assertThat(delivered.get(0).hiccupMs().max()).as("control: the quiet second").isLessThan(0.1);
        assertThat(delivered.get(1).hiccupMs().max()).isBetween(119.0, 121.0);
        assertThat(delivered.get(2).hiccupMs().max()).isLessThan(0.1);
    }

    @Test
    void aWakeUpBeforeItsTimeCountsAsOnTime() {
        wake(10, -300_000);
        probe.finish();
        timeline.seal(1000);
        assertThat(delivered.getFirst().hiccupMs().max()).isLessThan(0.01);
    }
}

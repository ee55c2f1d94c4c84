package dev.loupe.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.chart.Lane;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lamp and the verdict from a synthetic feed of JVM seconds. */
class LiveTimelineTest {

    private static TelemetrySecond jvm(int s, double p50Ms, double maxMs) {
        return new TelemetrySecond(s * 1000L, s * 1000L + 1000, new DelayMs(p50Ms, maxMs, maxMs), null,
                120.0, 40.0, 256.0, 40.0, 1, 3.0, 3.0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 8, 0, null, 50.0, 60.0, 100, 0);
    }

    private static SecondInterval load(int s) {
        return new SecondInterval(s * 1000L, s * 1000L + 1000, false, 10, 10, 0, 1, LatencyMs.EMPTY, LatencyMs.EMPTY, 0);
    }

    @Test
    void theFinishedRunsRecordReplacesWhatCameLive() {
        LiveTimeline t = new LiveTimeline();
        t.reset(0, 2000);
        t.add(load(0));
        t.add(jvm(0, 1, 5)); // live, before a late JFR event raised the second's worst probe
        t.add(load(1));
        t.add(jvm(1, 1, 5));
        t.add(jvm(2, 1, 1)); // the teardown's second, past the load's end
        SecondInterval teardown = new SecondInterval(2000, 2003, false, 1, 1, 0, 0, LatencyMs.EMPTY, LatencyMs.EMPTY, 0);
        t.settle(List.of(load(0).withTelemetry(jvm(0, 1, 50)), load(1).withTelemetry(jvm(1, 1, 5))));

        assertThat(t.ring(Lane.DISPATCH_MAX).size()).isEqualTo(2);
        assertThat(t.ring(Lane.DISPATCH_MAX).max(0)).isEqualTo(50.0);
        assertThat(t.ring(Lane.THROUGHPUT).size()).isEqualTo(2);
        assertThat(t.lastJvmMs()).isEqualTo(1000);
        assertThat(t.lamp().orElseThrow().run()).as("the late 50 ms probe counts").isEqualTo(Severity.YELLOW);
        assertThat(t.totalMs()).as("the plan stays").isEqualTo(2000);

        t.settle(List.of(load(0).withTelemetry(jvm(0, 1, 50)), load(1).withTelemetry(jvm(1, 1, 5)),
                teardown.withTelemetry(jvm(2, 0, 0))));
        assertThat(t.lastJvmMs()).as("the teardown's part second is in the charts, but never the values shown as now")
                .isEqualTo(1000);
        assertThat(t.lastLoadMs()).isEqualTo(1000);
    }

    @Test
    void theLampChangesColourAt10And100Ms() {
        LiveTimeline t = new LiveTimeline();
        t.reset(0, 60_000);
        t.add(jvm(0, 1, 9.9));
        assertThat(t.lamp().orElseThrow().now()).isEqualTo(Severity.GREEN);
        t.add(jvm(1, 1, 10));
        assertThat(t.lamp().orElseThrow().now()).isEqualTo(Severity.YELLOW);
        t.add(jvm(2, 1, 99.9));
        assertThat(t.lamp().orElseThrow().now()).isEqualTo(Severity.YELLOW);
        t.add(jvm(3, 1, 100));
        assertThat(t.lamp().orElseThrow().now()).isEqualTo(Severity.RED);
        t.add(jvm(4, 1, 2));
        DelayLamp after = t.lamp().orElseThrow();
        assertThat(after.now()).as("now is the last second only").isEqualTo(Severity.GREEN);
        assertThat(after.run()).as("the run remembers the 100 ms probe").isEqualTo(Severity.RED);
        assertThat(after.why()).isEqualTo("a probe waited 100 ms ≥ 100 ms");
    }

    @Test
    void aLoopAlwaysLateReadsYellowNowAndRedOverallAndSaysWhy() {
        LiveTimeline t = new LiveTimeline();
        t.reset(0, 60_000);
        for (int s = 0; s < 10; s++) {
            t.add(jvm(s, 20 + s, 40));
        }
        DelayLamp lamp = t.lamp().orElseThrow();
        assertThat(lamp.now()).isEqualTo(Severity.YELLOW);
        assertThat(lamp.run()).isEqualTo(Severity.RED);
        assertThat(lamp.why()).startsWith("median 24.5 ms ≥ 10");
    }

    @Test
    void warmUpSecondsDoNotCountTowardsTheVerdict() {
        LiveTimeline t = new LiveTimeline();
        t.reset(2000, 60_000);
        t.add(jvm(0, 500, 900)); // JIT warming up
        t.add(jvm(1, 1, 2));
        assertThat(t.lamp().orElseThrow().run()).as("still warming up").isNull();
        t.add(jvm(2, 1, 2));
        assertThat(t.lamp().orElseThrow().run()).isEqualTo(Severity.GREEN);
        assertThat(t.lamp().orElseThrow().now()).isEqualTo(Severity.GREEN);
    }

    @Test
    void noLampBeforeAProbeReports() {
        LiveTimeline t = new LiveTimeline();
        t.reset(0, 10_000);
        assertThat(t.lamp()).isEmpty();
        assertThat(t.valueAt(Lane.HEAP_USED, 0)).isEmpty();
        t.add(jvm(0, 1, 1));
        assertThat(t.valueAt(Lane.HEAP_USED, 500)).contains(120.0);
        assertThat(t.valueAt(Lane.HEAP_USED, 1500)).as("past the JVM lanes' end").isEmpty();
        assertThat(t.ring(Lane.HEAP_USED).min(0)).as("the sawtooth's floor in the same point").isEqualTo(40.0);
    }

    @Test
    void aJvmSecondMovesOnlyTheJvmSidesRevision() {
        LiveTimeline t = new LiveTimeline();
        t.reset(0, 10_000);
        long load = t.revision(Lane.Side.LOAD);
        long jvm = t.revision(Lane.Side.JVM);
        t.add(jvm(0, 1, 1));
        assertThat(t.revision(Lane.Side.JVM)).isEqualTo(jvm + 1);
        assertThat(t.revision(Lane.Side.LOAD)).as("the load's charts need no drawing").isEqualTo(load);
        t.plan(0, 10_000);
        assertThat(t.revision(Lane.Side.LOAD)).as("control: an unchanged plan changes nothing").isEqualTo(load);
        t.plan(2_000, 12_000);
        assertThat(t.revision(Lane.Side.LOAD)).as("a new time axis redraws both").isEqualTo(load + 1);
    }
}

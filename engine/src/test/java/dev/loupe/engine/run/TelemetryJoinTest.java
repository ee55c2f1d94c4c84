package dev.loupe.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetryReport;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryJoinTest {
    private static final LatencyMs NONE = new LatencyMs(0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final TelemetrySummary EMPTY = new TelemetrySummary(null, null, new TelemetrySummary.Gc(0, 0, 0),
            new TelemetrySummary.Heap(null, 1024, null, null, null), new TelemetrySummary.Pinned(0, 0),
            new TelemetrySummary.Contention(0, 0, 0), new TelemetrySummary.Threads(0, 0),
            new TelemetrySummary.Process(null, null, null, 0, 0, 0, 0), List.of(),
            new TelemetrySummary.EvidenceSet(List.of(), List.of(), List.of(), List.of(), List.of()), 0);

    private static SecondInterval load(long startMs, long endMs, boolean warmup) {
        return new SecondInterval(startMs, endMs, warmup, 10, 10, 0, 1, NONE, NONE, 0);
    }

    private static TelemetrySecond jvm(long startMs, int gcPauses) {
        return new TelemetrySecond(startMs, startMs + 1000, null, null, null, null, null, null, gcPauses, gcPauses, gcPauses,
                0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 0, null, null, null, 0, 0);
    }

    private static TelemetryReport report(TelemetrySecond... seconds) {
        return new TelemetryReport(EMPTY, List.of(seconds), Optional.empty(), List.of());
    }

    @Test
    void eachSecondMeetsItsOwnSecondAndAHalfSecondSharesTheWholeOne() {
        List<SecondInterval> joined = TelemetryJoin.join(
                List.of(load(0, 500, true), load(500, 1000, false), load(1000, 2000, false), load(2000, 2400, false)),
                report(jvm(0, 1), jvm(1000, 2), jvm(2000, 3), jvm(3000, 4)));

        assertThat(joined).extracting(i -> i.telemetry().gcPauses()).containsExactly(1, 1, 2, 3 + 4);
        assertThat(joined.get(3).telemetry().endMs()).as("the last takes the wind-down too").isEqualTo(4000);
    }

    @Test
    void withoutTelemetryTheIntervalsStayAsTheyAre() {
        List<SecondInterval> load = List.of(load(0, 1000, false));

        assertThat(TelemetryJoin.join(load, (TelemetryReport) null)).isEqualTo(load);
        assertThat(TelemetryJoin.join(load, report())).isEqualTo(load);
    }
}

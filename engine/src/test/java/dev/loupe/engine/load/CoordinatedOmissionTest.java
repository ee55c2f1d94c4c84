package dev.loupe.engine.load;

import static dev.loupe.engine.load.LoadGeneratorTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.LoadSummary;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reason the open model exists. A server whose only thread stalls for about a second, once: the
 * open model, measuring from each request's intended start, must report that second in its p99; the
 * uncorrected view of the same run and the closed model (the control) must not, although both saw the
 * stall (their max shows it). Thresholds are wide: the stall is 1000 ms, "fast" is anything under 200 ms.
 */
@Tag("timing")
@Timeout(60)
class CoordinatedOmissionTest {
    private static final Duration STALL = Duration.ofSeconds(1);

    @Test
    void theOpenModelSeesTheStallInItsPercentiles() throws Exception {
        try (HelloServer server = HelloServer.builder().stallOnce(Duration.ofMillis(1200), STALL).start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(10)
                    .open(ArrivalSchedule.constant(1000))
                    .warmup(Duration.ofMillis(500))
                    .duration(Duration.ofMillis(3000))
                    .build();
            LoadSummary s = run(spec).summary();
            assertThat(server.hasStalled()).isTrue();

            assertThat(s.errors().total()).isZero();
            assertThat(s.latencyMs().p99()).as("corrected p99 carries the stall").isGreaterThan(500);
            assertThat(s.latencyMs().p90()).as("a quarter of the requests were due during the stall").isGreaterThan(100);
            assertThat(s.uncorrectedLatencyMs().p99()).as("uncorrected p99 hides it").isLessThan(200);
            assertThat(s.uncorrectedLatencyMs().max()).as("yet the stalled requests were measured").isGreaterThan(800);
            assertThat(s.generator().behindScheduleMs()).as("no free connection during the stall").isGreaterThan(500);
            assertThat(s.generator().saturated()).as("it caught up after the stall").isFalse();
            assertThat(s.requests()).as("the backlog was sent late, not dropped").isBetween(2700L, 3300L);
        }
    }

    @Test
    void controlTheClosedModelHidesTheStall() throws Exception {
        try (HelloServer server = HelloServer.builder().stallOnce(Duration.ofMillis(1200), STALL).start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(10)
                    .warmup(Duration.ofMillis(500))
                    .duration(Duration.ofMillis(3000))
                    .build();
            LoadSummary s = run(spec).summary();
            assertThat(server.hasStalled()).isTrue();

            assertThat(s.errors().total()).isZero();
            assertThat(s.latencyMs().max()).as("the stall happened").isGreaterThan(800);
            assertThat(s.latencyMs().p99()).as("but the closed model's p99 does not show it").isLessThan(200);
            assertThat(s.latencyMs()).isEqualTo(s.uncorrectedLatencyMs());
        }
    }
}

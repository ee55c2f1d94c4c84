package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records refuse bad values at construction, with every violation named, for callers that build them directly. */
class RecordsTest {

    static LoadSettings load(int connections, int threads) {
        return new LoadSettings(Preset.LIGHT, LoadModel.CLOSED, connections, 0, Schedule.CONSTANT, List.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(1), true, 0, threads, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ZERO, RequestTemplate.defaults(), List.of(), 10, 5);
    }

    @Test
    void everyViolationOfARecordIsInOneException() {
        assertThatThrownBy(() -> new ServerSettings("Virtual Threads", 0, "127.0.0.1", 70_000, Duration.ofSeconds(30),
                Duration.ZERO, Duration.ofSeconds(5), 256, 8192, 16384, 1 << 20, Map.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(String.join("\n",
                        "server.variant: \"Virtual Threads\" (expected: a server variant name, e.g. virtual-threads)",
                        "server.threads: 0 (expected: 1..10000)",
                        "server.port: 70000 (expected: 0..65535)",
                        "server.headerReadTimeout: \"0s\" (expected: 1ms..10m)"));
    }

    @Test
    void theBriefsExampleMessage() {
        assertThatThrownBy(() -> load(-5, 1)).hasMessage("load.connections: -5 (expected: 1..100000)");
    }

    @Test
    void aRuleRelatingTwoFieldsIsSkippedWhenOneOfThemIsAlreadyWrong() {
        assertThatThrownBy(() -> load(4, 8)).hasMessage("load.threads: 8 (expected: at most load.connections (4))");
        assertThatThrownBy(() -> load(0, 8)).hasMessage("load.connections: 0 (expected: 1..100000)");
    }

    @Test
    void missingComponentsAreNamedNotThrownAsNullPointers() {
        assertThatThrownBy(() -> new Scenario(null, "", null, null, load(10, 2), TelemetrySettings.defaults(), List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(String.join("\n",
                        "name: missing (expected: 1 to 80 characters, without control characters, / or \\)",
                        "server: missing (expected: an object with at least \"variant\")",
                        "workload: missing (expected: a workload name[:parameter], e.g. hello, sleep:1ms, cpu:50us,"
                                + " alloc:16KiB, queue:atom, fail:10%)"));
    }

    @Test
    void workloadSpecsAreANameAndAnOptionalParameter() {
        assertThat(WorkloadSpec.parse("hello")).isEqualTo(new WorkloadSpec("hello", Optional.empty()));
        assertThat(WorkloadSpec.parse("fail:10%")).isEqualTo(new WorkloadSpec("fail", Optional.of("10%")));
        assertThat(WorkloadSpec.parse("alloc:16KiB").toString()).isEqualTo("alloc:16KiB");
        for (String bad : List.of("", "Hello", "sleep:", ":1ms", "sleep 1ms", "sleep: 1ms", "9lives")) {
            assertThatThrownBy(() -> WorkloadSpec.parse(bad)).as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("workload: \"" + bad + "\" (expected: a workload name[:parameter]");
        }
    }

    @Test
    void thresholdsParseBothTheFileAndTheCommandLineForm() {
        assertThat(Threshold.of("summary.latencyMs.p99", "< 50")).isEqualTo(
                new Threshold("summary.latencyMs.p99", Comparison.LESS, 50));
        assertThat(Threshold.of("summary.errorRatePct", "<=0.1").condition()).isEqualTo("<= 0.1");
        assertThat(Threshold.parse("summary.latencyMs.p99<50")).isEqualTo(Threshold.of("summary.latencyMs.p99", "<50"));
        assertThat(Threshold.parse("findings.red == 0").toString()).isEqualTo("findings.red == 0");
        assertThat(Threshold.parse("telemetry.heap.afterGcMbSlopePerMin>=-1.5").limit()).isEqualTo(-1.5);

        assertThatThrownBy(() -> Threshold.of("summary.latencyMs.p99", "=< 50")).hasMessage(
                "thresholds.summary.latencyMs.p99: \"=< 50\" (expected: an operator <, <=, >, >= or == and a number,"
                        + " e.g. \"< 50\")");
        assertThatThrownBy(() -> Threshold.parse("p99 fast")).hasMessage(
                "--threshold: \"p99 fast\" (expected: a metric, an operator and a number, e.g. 'summary.latencyMs.p99<50')");
        assertThatThrownBy(() -> Threshold.parse("summary.latencyMs.p99.9<50")).hasMessage(
                "thresholds.summary.latencyMs.p99.9: unknown metric (expected: a numeric result.json path such as"
                        + " summary.latencyMs.p99, or findings.red / findings.yellow; did you mean 'summary.latencyMs.p999'?)");
    }

    @Test
    void comparisonsHoldAsWritten() {
        assertThat(Threshold.of("findings.red", "== 0").passes(0)).isTrue();
        assertThat(Threshold.of("findings.red", "== 0").passes(1)).isFalse();
        assertThat(Threshold.of("summary.latencyMs.p99", "< 50").passes(50)).isFalse();
        assertThat(Threshold.of("summary.latencyMs.p99", "<= 50").passes(50)).isTrue();
        assertThat(Threshold.of("summary.throughputRps", "> 1000").passes(1000.5)).isTrue();
        assertThat(Threshold.of("summary.throughputRps", ">= 1000").passes(999)).isFalse();
    }

    @Test
    void jobMetricsAreAcceptedWithoutAList() {
        assertThat(ThresholdMetrics.isKnown("jobs.completed")).isTrue();
        assertThat(ThresholdMetrics.isKnown("jobs.")).isFalse();
        assertThat(ThresholdMetrics.isKnown("summary.latencyMs.p999")).isTrue();
        assertThat(ThresholdMetrics.isKnown("summary.latencyMs")).isFalse();
    }

    @Test
    void requestTemplatesCopyTheirHeadersAndCheckPathTemplates() {
        var headers = new java.util.LinkedHashMap<String, String>(Map.of("A", "1"));
        RequestTemplate t = new RequestTemplate("POST", "/json/{timeInQueueMs}", headers, new RequestBody.Text("{}"));
        headers.put("B", "2");
        assertThat(t.headers()).containsOnlyKeys("A");
        assertThatThrownBy(() -> t.headers().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);

        assertThatThrownBy(() -> new RequestTemplate("GET", "/json/{1x}", Map.of(), RequestBody.NONE))
                .hasMessageStartingWith("load.request.path: \"/json/{1x}\" (expected: a path starting with /");
        assertThatThrownBy(() -> new RequestBody.FromFile(Path.of("relative.json")))
                .hasMessage("load.request.bodyFile: \"relative.json\" (expected: an absolute path)");
    }

    @Test
    void anOpenRampStartsFromZeroAndAConstantOpenLoadNeedsARate() {
        RampStage stage = new RampStage(Duration.ofSeconds(2), 100);
        LoadSettings ramp = new LoadSettings(Preset.LIGHT, LoadModel.OPEN, 10, 0, Schedule.RAMP, List.of(stage),
                Duration.ofSeconds(5), Duration.ZERO, true, 0, 2, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ZERO, RequestTemplate.defaults(), List.of(), 10, 5);
        assertThat(ramp.stages()).containsExactly(stage);

        assertThatThrownBy(() -> new LoadSettings(Preset.LIGHT, LoadModel.OPEN, 10, 0, Schedule.POISSON,
                List.of(stage), Duration.ofSeconds(5), Duration.ZERO, true, 0, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ZERO, RequestTemplate.defaults(), List.of(), 10, 5))
                .hasMessage(String.join("\n",
                        "load.rateRps: missing (expected: a rate above 0 and at most 10000000 requests per second with"
                                + " the open model)",
                        "load.stages: 1 stages (expected: no stages unless load.schedule is \"ramp\")"));
    }
}

package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.RequestBody;
import dev.loupe.engine.scenario.RequestTemplate;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.series.SecondInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
    private static final String LATENCY = "min mean p50 p75 p90 p95 p99 p999 max";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode written(RunResult result) throws Exception {
        return json.readTree(ResultJson.toJson(RunReport.of(result, SeededRun.extraThresholds()), dir));
    }

    /** The field lists of "Contracts other tools rely on" in DESIGN.md and docs/contracts.md. */
    @Test
    void containsEveryFieldTheContractLists() throws Exception {
        JsonNode doc = written(SeededRun.open());

        // jobs{} only for job workloads.
        assertThat(fieldNames(doc)).containsExactly("schemaVersion", "scenario", "environment", "startedAt", "outcome",
                "serverUrl", "summary", "telemetry", "intervals", "findings", "thresholds");
        Set<String> telemetry = new TreeSet<>(leafPaths("", doc.get("telemetry")));
        assertThat(telemetry).contains("dispatchDelayMs.p50", "dispatchDelayMs.p99", "dispatchDelayMs.max",
                "hiccupMs.p99", "hiccupMs.max", "gc.pauses", "gc.pauseMsTotal", "gc.pauseMsMax", "heap.usedMbMax",
                "heap.afterGcMbSlopePerMin", "pinned.events", "pinned.totalMs", "contention.monitorEvents",
                "contention.parkEvents", "contention.totalMs");
        assertThat(fieldNames(doc.get("environment"))).containsExactly("javaVersion", "gc", "cpus", "os", "loupeVersion");

        Set<String> summary = new TreeSet<>(leafPaths("", doc.get("summary")));
        Set<String> expected = new TreeSet<>(List.of("requests", "durationS", "throughputRps", "errorRatePct",
                "errors.connect", "errors.read", "errors.write", "errors.timeout", "errors.malformed", "errors.status4xx",
                "errors.status5xx", "errors.total", "connections.requested", "connections.established",
                "connections.failed", "connections.reconnects", "generator.behindScheduleMs", "generator.saturated"));
        for (String q : LATENCY.split(" ")) {
            expected.add("latencyMs." + q);
            expected.add("uncorrectedLatencyMs." + q);
        }
        assertThat(summary).isEqualTo(expected);

        JsonNode interval = doc.get("intervals").get(0);
        assertThat(fieldNames(interval)).containsExactly("startMs", "endMs", "warmup", "requests", "throughputRps",
                "errors", "connectionsOpen", "latencyMs", "uncorrectedLatencyMs", "behindScheduleMs", "telemetry");
        assertThat(fieldNames(interval.get("latencyMs"))).containsExactly(LATENCY.split(" "));
        assertThat(fieldNames(doc.get("findings").get(0))).containsExactly("rule", "severity", "title", "evidence", "advice");
        assertThat(fieldNames(doc.get("thresholds").get(0))).containsExactly("metric", "condition", "limit", "actual", "passed");
        assertThat(fieldNames(doc.get("thresholds").get(3)))
                .containsExactly("metric", "condition", "limit", "actual", "passed", "note");
    }

    @Test
    void theSummaryIsTheLoadSummaryFieldForField() throws Exception {
        RunResult result = SeededRun.open();
        JsonNode doc = written(result);

        assertThat(doc.get("summary").toString()).isEqualTo(json.writeValueAsString(result.summary()));
        assertThat(json.treeToValue(doc.get("summary"), dev.loupe.engine.measure.LoadSummary.class)).isEqualTo(result.summary());
        assertThat(doc.get("intervals")).hasSize(result.intervals().size());
        JsonNode interval = doc.get("intervals").get(2).deepCopy();
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) interval.get("telemetry")).remove("severity").asText())
                .as("the span's colour, derived from its worst delay (220 ms)").isEqualTo("red");
        assertThat(json.treeToValue(interval, dev.loupe.engine.series.SecondInterval.class))
                .isEqualTo(result.intervals().get(2));
    }

    @Test
    void theScenarioReadsBackAsTheResolvedScenario() throws Exception {
        RunResult result = SeededRun.open();
        JsonNode scenario = written(result).get("scenario");

        Scenario back = new ScenarioReader(dev.loupe.engine.scenario.ScenarioCatalog.syntaxOnly()).read(scenario.toString(), "result.json", dir, Overrides.none());

        assertThat(back).isEqualTo(result.scenario());
    }

    @Test
    void aBodyFileBelowTheRunFolderIsWrittenRelativeToIt() throws Exception {
        Path body = Files.writeString(dir.resolve("payload.json"), "{}");
        RunResult base = SeededRun.open();
        Scenario s = base.scenario();
        var load = s.load();
        Scenario withBody = new Scenario(s.name(), s.description(), s.server(), s.workload(),
                new dev.loupe.engine.scenario.LoadSettings(load.profile(), load.model(), load.connections(), load.rateRps(),
                        load.schedule(), load.stages(), load.duration(), load.warmup(), load.keepAlive(), load.leakConnections(), load.threads(),
                        load.connectTimeout(), load.timeout(), load.thinkTime(),
                        new RequestTemplate("POST", "/json", Map.of(), new RequestBody.FromFile(body)),
                        load.mix(), load.jobs(), load.concurrentJobs()),
                s.telemetry(), s.thresholds());
        RunResult result = new RunResult(withBody, base.environment(), base.startedAt(), base.outcome(), base.serverUrl(),
                base.summary(), base.intervals(), base.latency(), base.uncorrectedLatency(), base.findings());

        assertThat(written(result).at("/scenario/load/request/bodyFile").asText()).isEqualTo("payload.json");
    }

    @Test
    void outcomesAndSeveritiesAreLowerCaseWords() throws Exception {
        RunResult base = SeededRun.open();
        assertThat(written(base).get("findings")).extracting(f -> f.get("severity").asText())
                .containsExactly("red", "yellow", "green");
        assertThat(written(base).get("startedAt").asText()).isEqualTo("2025-03-14T09:26:53.250Z");
        for (RunOutcome outcome : RunOutcome.values()) {
            RunResult r = new RunResult(base.scenario(), base.environment(), base.startedAt(), outcome, base.serverUrl(),
                    base.summary(), base.intervals(), base.latency(), base.uncorrectedLatency(), base.findings());
            String word = written(r).get("outcome").asText();
            assertThat(word).matches("[a-z]+(-[a-z]+)*");
            assertThat(JsonSupport.outcome(word)).contains(outcome);
        }
    }

    @Test
    void writesTheFileAtomicallyWithNothingLeftBehind() throws Exception {
        RunReport report = RunReport.of(SeededRun.open());
        Files.writeString(dir.resolve("result.json"), "old");

        ReportFormat.writeAll(dir, report);

        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo(ResultJson.toJson(report, dir));
        assertThat(Files.readString(dir.resolve("SUMMARY.md"))).isEqualTo(SummaryMarkdown.render(report));
        assertThat(Files.readString(dir.resolve("intervals.csv"))).isEqualTo(IntervalsCsv.render(report));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("result.json", "SUMMARY.md", "intervals.csv");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> leafPaths(String prefix, JsonNode node) {
        if (!node.isObject()) {
            return List.of(prefix);
        }
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            paths.addAll(leafPaths(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue()));
        }
        return paths;
    }
}

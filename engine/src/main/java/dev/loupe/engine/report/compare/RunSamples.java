package dev.loupe.engine.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.report.Journal;
import dev.loupe.engine.report.JournalEntry;
import dev.loupe.engine.report.JournalReader;
import dev.loupe.engine.report.JournalWriter;
import dev.loupe.engine.report.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a comparison needs from a run folder or a {@code result.json}. A folder's journal, when
 * it is there, gives the merged latency histogram; without it the summary's percentiles stand.
 */
public final class RunSamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The per-second series a metric is tested on, by the metric's path and the interval field that holds it. */
    private static final Map<String, String> PER_SECOND = perSecond();

    private RunSamples() {}

    /** Why a path cannot be compared, in words for the user. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code path}: a run folder (its {@code result.json}) or a {@code result.json} file.
     *
     * @throws Unreadable naming the path and what was expected
     */
    public static RunSample read(Path path) throws Unreadable {
        Path file = Files.isDirectory(path) ? path.resolve(ResultJson.FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new Unreadable(path + (Files.isDirectory(path) ? " has no " + ResultJson.FILE_NAME : " does not exist")
                    + " (expected: a run folder or its result.json)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new Unreadable(file + " is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Unreadable(file + " cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.path("summary").isObject() || !root.path("intervals").isArray()) {
            throw new Unreadable(file + " is not a run's result.json (expected: an object with summary and intervals)");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        flatten("summary", root.path("summary"), metrics);
        flatten("telemetry", root.path("telemetry"), metrics);
        List<RunSample.FoundIssue> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            String severity = f.path("severity").asText();
            if (severity.equals("yellow") || severity.equals("red")) {
                findings.add(new RunSample.FoundIssue(f.path("rule").asText(), severity, f.path("title").asText()));
            }
        }
        return new RunSample(path.toString(), root.path("scenario").path("name").asText(file.getParent().getFileName().toString()),
                root.path("outcome").asText(), metrics, seconds(root.path("intervals")), latency(file.getParent()), findings);
    }

    /** The numbers below {@code node}, by path; lists (evidence, longest pauses) and flags are left out. */
    private static void flatten(String path, JsonNode node, Map<String, Double> into) {
        if (node.isNumber()) {
            into.put(path, node.asDouble());
        } else if (node.isObject()) {
            node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), into));
        }
    }

    private static Map<String, double[]> seconds(JsonNode intervals) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (JsonNode second : intervals) {
            // the warm-up is not measured; a part second (the drain after sending stopped) is not a second's sample
            if (second.path("warmup").asBoolean() || second.path("endMs").asLong() - second.path("startMs").asLong() < 1000) {
                continue;
            }
            PER_SECOND.forEach((metric, field) -> {
                JsonNode value = field.equals("errorRatePct") ? errorRate(second) : second.at(field);
                if (value.isNumber()) {
                    values.computeIfAbsent(metric, m -> new ArrayList<>()).add(value.asDouble());
                }
            });
        }
        Map<String, double[]> seconds = new LinkedHashMap<>();
        values.forEach((metric, list) -> seconds.put(metric, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return seconds;
    }

    private static JsonNode errorRate(JsonNode second) {
        long requests = second.path("requests").asLong();
        return requests == 0 ? JSON.missingNode()
                : JSON.getNodeFactory().numberNode(100.0 * second.path("errors").asLong() / requests);
    }

    /** The measured part's corrected latencies from the folder's journal, when it has one that reads. */
    private static Optional<LatencyHistogram> latency(Path folder) {
        Path journal = folder == null ? null : folder.resolve(JournalWriter.FILE_NAME);
        if (journal == null || !Files.isRegularFile(journal)) {
            return Optional.empty();
        }
        try {
            Journal j = JournalReader.read(journal);
            LatencyHistogram merged = LatencyHistogram.merge(j.entries().stream()
                    .filter(e -> !e.interval().warmup()).map(JournalEntry::latency).toList());
            return merged.count() == 0 ? Optional.empty() : Optional.of(merged);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> perSecond() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("summary.throughputRps", "/throughputRps");
        m.put("summary.errorRatePct", "errorRatePct");
        for (String p : List.of("min", "mean", "p50", "p75", "p90", "p95", "p99", "p999", "max")) {
            m.put("summary.latencyMs." + p, "/latencyMs/" + p);
            m.put("summary.uncorrectedLatencyMs." + p, "/uncorrectedLatencyMs/" + p);
        }
        for (String p : List.of("p50", "p99", "max")) {
            m.put("telemetry.dispatchDelayMs." + p, "/telemetry/dispatchDelayMs/" + p);
            m.put("telemetry.hiccupMs." + p, "/telemetry/hiccupMs/" + p);
        }
        m.put("telemetry.process.cpuPctMean", "/telemetry/processCpuPct");
        return m;
    }
}

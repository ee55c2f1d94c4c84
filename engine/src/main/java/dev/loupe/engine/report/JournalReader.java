package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.Environment;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioCatalog;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.telemetry.ThreadRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a {@code journal.jsonl} that {@link JournalWriter} wrote, for {@code loupe report DIR}, also
 * after a crash. A line that cannot be read is skipped with a warning and never ends the reading:
 * the last line is usually incomplete after a crash (the run stopped while writing it); another bad
 * line is reported with its number. Lines of a {@code type} this version does not know (written by
 * a newer Loupe) are skipped silently. Every entry is held in memory: about 2 KB per second of run;
 * stacks are added up as they are read.
 */
public final class JournalReader {
    private JournalReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws IOException when the file cannot be opened or read at all (missing, a folder, no permission)
     */
    public static Journal read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path folder = file.toAbsolutePath().getParent();
        Optional<JournalHeader> header = Optional.empty();
        Optional<RunOutcome> outcome = Optional.empty();
        List<JournalEntry> entries = new ArrayList<>();
        List<TelemetrySecond> telemetry = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        StackReader stacks = new StackReader();
        Optional<TelemetrySummary> checkpoint = Optional.empty();
        Optional<JournalEnd> end = Optional.empty();
        int lastBad = -1;
        String lastBadReason = "";
        int lineNumber = 0;
        boolean startLineSeen = false;
        // InputStreamReader replaces malformed UTF-8 (a line cut inside a character) instead of throwing.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                if (lastBad > 0) { // a bad line followed by another line was not the last one
                    warnings.add(name + " line " + lastBad + ": skipped, " + lastBadReason);
                    lastBad = -1;
                }
                try {
                    JsonNode line = JsonSupport.MAPPER.readTree(text);
                    String type = line.path("type").asText();
                    switch (type) {
                        case "start" -> {
                            startLineSeen = true;
                            header = header(line, name, lineNumber, folder, warnings);
                        }
                        case "interval" -> entries.add(entry((ObjectNode) line));
                        case "telemetry" -> {
                            ((ObjectNode) line).remove("type");
                            telemetry.add(JsonSupport.MAPPER.treeToValue(line, TelemetrySecond.class));
                        }
                        case "stacks" -> stacks.read(line);
                        case "checkpoint" -> checkpoint = Optional.of(
                                JsonSupport.MAPPER.treeToValue(line.path("telemetry"), TelemetrySummary.class));
                        case "end" -> {
                            outcome = Optional.of(JsonSupport.outcome(line.path("outcome").asText())
                                    .orElseThrow(() -> new IllegalArgumentException("unknown outcome " + line.path("outcome")
                                            + " (expected: completed, interrupted or stopped-by-guard)")));
                            end = end(line);
                        }
                        default -> {
                            if (!line.isObject() || type.isEmpty()) {
                                throw new IllegalArgumentException("not a journal line (expected: a JSON object with a \"type\")");
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    lastBad = lineNumber;
                    lastBadReason = reason(e);
                }
            }
        }
        if (lastBad > 0) {
            warnings.add(name + " line " + lastBad + " (the last): skipped, incomplete or unreadable, as after a"
                    + " crash while it was being written (" + lastBadReason + ")");
        }
        if (!startLineSeen && lineNumber > 0) {
            warnings.add(name + ": no start line, so the scenario, environment and start time are unknown");
        }
        return new Journal(header, entries, telemetry, stacks.total(), checkpoint, outcome, end, warnings);
    }

    /** The end line's summary parts, when it has them (a finished run's does). */
    private static Optional<JournalEnd> end(JsonNode line) throws IOException {
        if (!line.path("summary").isObject()) {
            return Optional.empty();
        }
        LoadSummary summary = JsonSupport.MAPPER.treeToValue(line.path("summary"), LoadSummary.class);
        TelemetrySummary telemetry = line.path("telemetry").isObject()
                ? JsonSupport.MAPPER.treeToValue(line.path("telemetry"), TelemetrySummary.class) : null;
        List<String> notes = new ArrayList<>();
        line.path("notes").forEach(n -> notes.add(n.asText()));
        List<Finding> findings = new ArrayList<>();
        line.path("findings").forEach(f -> findings.add(JsonSupport.finding(f)));
        List<Threshold> thresholds = new ArrayList<>();
        line.path("extraThresholds").forEach(t -> thresholds.add(Threshold.parse(t.asText())));
        return Optional.of(new JournalEnd(summary, telemetry, notes, findings, thresholds));
    }

    /** Adds up {@code stacks} lines, resolving the frame and stack numbers each line defines for later ones. */
    private static final class StackReader {
        private final List<String> frames = new ArrayList<>();
        private final List<String> stacks = new ArrayList<>();
        private final Map<Integer, Long> cpu = new LinkedHashMap<>();
        private final Map<Integer, Long> alloc = new LinkedHashMap<>();
        private final Map<ThreadRole, Long> leftOut = new EnumMap<>(ThreadRole.class);
        private long allocationSamples;
        private int seconds;

        void read(JsonNode line) {
            JsonNode newFrames = line.path("newFrames");
            if (newFrames.isArray()) {
                expect(line.path("firstFrame").asInt(-1), frames.size(), "firstFrame");
                newFrames.forEach(f -> frames.add(f.asText()));
            }
            JsonNode newStacks = line.path("newStacks");
            if (newStacks.isArray()) {
                expect(line.path("firstStack").asInt(-1), stacks.size(), "firstStack");
                for (JsonNode stack : newStacks) {
                    StringBuilder collapsed = new StringBuilder();
                    for (JsonNode frame : stack) {
                        int id = frame.asInt(-1);
                        if (id < 0 || id >= frames.size()) {
                            throw new IllegalArgumentException("a stack names frame " + frame + ", which no line defined");
                        }
                        collapsed.append(collapsed.isEmpty() ? "" : ";").append(frames.get(id));
                    }
                    stacks.add(collapsed.toString());
                }
            }
            add(line.path("cpu"), cpu);
            add(line.path("alloc"), alloc);
            allocationSamples += line.path("allocSamples").asLong();
            for (Map.Entry<String, JsonNode> e : line.path("leftOut").properties()) {
                for (ThreadRole role : ThreadRole.values()) {
                    if (role.name().equals(e.getKey())) { // a role this version does not know is left out
                        leftOut.merge(role, e.getValue().asLong(), Long::sum);
                    }
                }
            }
            seconds++;
        }

        private void add(JsonNode pairs, Map<Integer, Long> into) {
            for (JsonNode pair : pairs) {
                int id = pair.path(0).asInt(-1);
                if (id < 0 || id >= stacks.size()) {
                    throw new IllegalArgumentException("a sample names stack " + pair.path(0) + ", which no line defined");
                }
                into.merge(id, pair.path(1).asLong(), Long::sum);
            }
        }

        private static void expect(int actual, int expected, String field) {
            if (actual != expected) {
                throw new IllegalArgumentException(field + " " + actual + " (expected: " + expected
                        + ", the next number; a line before it is missing)");
            }
        }

        JournalStacks total() {
            if (seconds == 0) {
                return JournalStacks.NONE;
            }
            return new JournalStacks(resolve(cpu), resolve(alloc), allocationSamples, leftOut, seconds);
        }

        private Map<String, Long> resolve(Map<Integer, Long> byId) {
            Map<String, Long> byStack = new LinkedHashMap<>();
            byId.forEach((id, weight) -> byStack.merge(stacks.get(id), weight, Long::sum));
            return byStack;
        }
    }

    private static Optional<JournalHeader> header(JsonNode line, String name, int lineNumber, Path folder,
            List<String> warnings) {
        String source = name + " line " + lineNumber;
        JsonNode scenarioNode = line.path("scenario");
        if (!scenarioNode.isObject()) {
            throw new IllegalArgumentException("the start line has no scenario object");
        }
        Scenario scenario;
        try {
            scenario = new ScenarioReader(ScenarioCatalog.syntaxOnly()).read(JsonSupport.compact(scenarioNode), source, folder, Overrides.none());
        } catch (InvalidScenarioException e) {
            warnings.add(source + ": the start line's scenario cannot be read back, so it is ignored: "
                    + e.problems().stream().map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message()).collect(Collectors.joining("; ")));
            return Optional.empty();
        }
        try {
            Environment environment = JsonSupport.MAPPER.treeToValue(line.path("environment"), Environment.class);
            Instant startedAt = Instant.parse(line.path("startedAt").asText());
            return Optional.of(new JournalHeader(scenario, environment, startedAt, line.path("serverUrl").asText()));
        } catch (IOException | RuntimeException e) {
            warnings.add(source + ": the start line cannot be read, so it is ignored (" + reason(e) + ")");
            return Optional.empty();
        }
    }

    private static JournalEntry entry(ObjectNode line) throws IOException {
        LatencyHistogram latency = histogram(line.remove("latencyHistogram"));
        LatencyHistogram uncorrected = histogram(line.remove("uncorrectedLatencyHistogram"));
        JsonNode responses = line.remove("responses");
        JsonNode errors = line.remove("errorsByClass");
        JsonNode connections = line.remove("connectionEvents");
        JsonNode lag = line.remove("scheduleLagMs");
        line.remove("type");
        SecondInterval interval = JsonSupport.MAPPER.treeToValue(line, SecondInterval.class);
        if (responses == null) { // a journal of schema 1: histograms only
            return new JournalEntry(interval, latency, uncorrected);
        }
        return new JournalEntry(interval, new SecondDetail(latency, uncorrected, responses.asLong(),
                errors == null ? ErrorCounts.NONE : JsonSupport.MAPPER.treeToValue(errors, ErrorCounts.class),
                connections == null ? ConnectionCounts.NONE : JsonSupport.MAPPER.treeToValue(connections, ConnectionCounts.class),
                lag == null ? 0 : lag.asLong()));
    }

    private static LatencyHistogram histogram(JsonNode text) {
        return text == null || text.isNull() ? LatencyHistogram.empty() : HistogramText.decode(text.asText());
    }

    /** The first line of an exception's message, without Jackson's source excerpt. */
    private static String reason(Exception e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.run.Environment;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioCatalog;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a {@code journal.jsonl} that {@link JournalWriter} wrote, for {@code loupe report DIR}, also
 * after a crash. A line that cannot be read is skipped with a warning and never ends the reading:
 * the last line is usually incomplete after a crash (the run stopped while writing it); another bad
 * line is reported with its number. Lines of a {@code type} this version does not know (written by
 * a newer Loupe) are skipped silently. Every entry is held in memory: about 2 KB per second of run.
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
                        case "end" -> outcome = Optional.of(JsonSupport.outcome(line.path("outcome").asText())
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "unknown outcome " + line.path("outcome") + " (expected: completed, interrupted or stopped-by-guard)")));
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
        return new Journal(header, entries, telemetry, outcome, warnings);
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
        line.remove("type");
        SecondInterval interval = JsonSupport.MAPPER.treeToValue(line, SecondInterval.class);
        return new JournalEntry(interval, latency, uncorrected);
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

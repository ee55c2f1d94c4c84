package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.series.SecondInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * {@code result.json}: the whole run as one JSON document, camelCase, every number's unit in its
 * name (docs/result-json.md lists the fields). In order: {@code schemaVersion}, {@code scenario}
 * (resolved, as {@link dev.loupe.engine.scenario.ScenarioWriter} writes it), {@code environment},
 * {@code startedAt} (ISO-8601, UTC), {@code outcome}, {@code serverUrl}, {@code summary}
 * ({@link dev.loupe.engine.measure.LoadSummary} field for field), {@code intervals[]}
 * ({@link SecondInterval} field for field), {@code findings[]} (worst first) and
 * {@code thresholds[]}. The JVM side's {@code telemetry} object ({@link
 * dev.loupe.engine.telemetry.TelemetrySummary} field for field, null when telemetry was off) sits
 * between {@code summary} and {@code intervals}; each interval with telemetry carries it as {@code
 * telemetry} with the span's {@code severity} (its worst dispatch or hiccup delay: green under 10 ms,
 * yellow to 100 ms, red beyond); {@code notes[]}, when present, says what did not work.
 */
public final class ResultJson {
    /** Bumped when a field changes meaning or goes away; new fields do not bump it. */
    public static final int SCHEMA_VERSION = 1;
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "result.json";

    private ResultJson() {}

    /**
     * The document without {@code thresholds[]}: what thresholds are judged against.
     *
     * @param folder where the document is written; a request {@code bodyFile} below it is written
     *     relative to it, any other absolute
     */
    public static ObjectNode measured(RunResult result, Path folder) {
        ObjectNode root = JsonSupport.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("scenario", JsonSupport.scenario(result.scenario(), folder));
        root.set("environment", JsonSupport.tree(result.environment()));
        root.put("startedAt", DateTimeFormatter.ISO_INSTANT.format(result.startedAt()));
        root.put("outcome", JsonSupport.outcome(result.outcome()));
        root.put("serverUrl", result.serverUrl());
        root.set("summary", JsonSupport.tree(result.summary()));
        if (result.telemetry() == null) {
            root.putNull("telemetry");
        } else {
            root.set("telemetry", JsonSupport.tree(result.telemetry()));
        }
        ArrayNode intervals = root.putArray("intervals");
        for (SecondInterval interval : result.intervals()) {
            ObjectNode entry = JsonSupport.tree(interval);
            if (interval.telemetry() == null) {
                entry.remove("telemetry");
            } else {
                ((ObjectNode) entry.get("telemetry")).put("severity",
                        Severity.ofDelayMs(interval.telemetry().worstDelayMs()).toString());
            }
            intervals.add(entry);
        }
        if (!result.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            result.notes().forEach(notes::add);
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : RunReport.worstFirst(result.findings())) {
            findings.add(JsonSupport.finding(f));
        }
        return root;
    }

    /** The whole document, {@code thresholds[]} included. */
    public static ObjectNode document(RunReport report, Path folder) {
        ObjectNode root = measured(report.result(), folder);
        ArrayNode thresholds = root.putArray("thresholds");
        for (ThresholdResult t : report.thresholds()) {
            ObjectNode entry = thresholds.addObject()
                    .put("metric", t.metric())
                    .put("condition", t.condition());
            number(entry, "limit", t.limit());
            if (t.actual().isPresent()) {
                number(entry, "actual", t.actual().getAsDouble());
            } else {
                entry.putNull("actual");
            }
            entry.put("passed", t.passed());
            t.note().ifPresent(note -> entry.put("note", note));
        }
        return root;
    }

    /** The file's text: pretty JSON, two-space indent, a final newline. */
    public static String toJson(RunReport report, Path folder) {
        return JsonSupport.pretty(document(report, folder));
    }

    /**
     * Writes {@code {"summary": {...}}}, result.json's summary object, for a URL-only load; atomically
     * (a temporary file, then a rename).
     */
    public static void writeSummary(Path file, LoadSummary summary) throws IOException {
        ObjectNode root = JsonSupport.object();
        root.set("summary", JsonSupport.tree(summary));
        AtomicFiles.writeString(file, JsonSupport.pretty(root));
    }

    /** A whole number without {@code .0} (a count stays a count), any other as it is. */
    private static void number(ObjectNode entry, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            entry.put(name, (long) value);
        } else {
            entry.put(name, value);
        }
    }
}

package dev.loupe.engine.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a resolved {@link Scenario} as a scenario file: pretty JSON, two-space indent, fields in
 * the records' order, every value explicit (so the file runs the same even if a preset or default
 * changes later). Fields that do not apply are left out: {@code rateRps} of the closed model,
 * {@code stages} of a schedule that is not a ramp, an empty {@code mix}, an absent body.
 * Reading the written file gives a scenario equal to the one written.
 *
 * <p>{@link #write} never leaves a half-written file: it writes a temporary file in the same
 * folder, forces it to disk, then renames it over the target in one step.
 */
public final class ScenarioWriter {
    private final Optional<String> schemaReference;

    private ScenarioWriter(Optional<String> schemaReference) {
        this.schemaReference = schemaReference;
    }

    /** A writer that adds no {@code $schema} field. */
    public static ScenarioWriter plain() {
        return new ScenarioWriter(Optional.empty());
    }

    /**
     * A writer that starts each file with {@code "$schema": reference}, so editors complete and
     * check it, e.g. {@code ./scenario.schema.json}.
     */
    public static ScenarioWriter withSchema(String reference) {
        return new ScenarioWriter(Optional.of(reference));
    }

    /**
     * Writes {@code scenario} to {@code file}, replacing it atomically. A {@code bodyFile} is written
     * relative to {@code file}'s folder when it lies below it, absolute otherwise.
     *
     * @throws IOException when the folder is missing or not writable; {@code file} is then unchanged
     */
    public void write(Path file, Scenario scenario) throws IOException {
        Path target = file.toAbsolutePath();
        AtomicFiles.writeString(target, toJson(scenario, target.getParent()));
    }

    /** The file's text, a {@code bodyFile} written relative to {@code folder} when below it. */
    public String toJson(Scenario scenario, Path folder) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.Parsing.FACTORY.createGenerator(text)) {
            g.setPrettyPrinter(prettyPrinter());
            g.writeStartObject();
            if (schemaReference.isPresent()) {
                g.writeStringField("$schema", schemaReference.get());
            }
            g.writeStringField("name", scenario.name());
            g.writeStringField("description", scenario.description());
            server(g, scenario.server());
            g.writeStringField("workload", scenario.workload().toString());
            load(g, scenario.load(), folder.toAbsolutePath());
            telemetry(g, scenario.telemetry());
            thresholds(g, scenario.thresholds());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text + "\n";
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static void server(JsonGenerator g, ServerSettings s) throws IOException {
        g.writeObjectFieldStart("server");
        g.writeStringField("variant", s.variant());
        g.writeNumberField("threads", s.threads());
        g.writeStringField("bindAddress", s.bindAddress());
        g.writeNumberField("port", s.port());
        duration(g, "keepAliveIdle", s.keepAliveIdle());
        duration(g, "headerReadTimeout", s.headerReadTimeout());
        duration(g, "gracefulStop", s.gracefulStop());
        g.writeNumberField("maxThreads", s.maxThreads());
        g.writeNumberField("maxRequestLineBytes", s.maxRequestLineBytes());
        g.writeNumberField("maxHeaderBytes", s.maxHeaderBytes());
        g.writeNumberField("maxBodyBytes", s.maxBodyBytes());
        if (!s.options().isEmpty()) {
            g.writeObjectFieldStart("options");
            for (Map.Entry<String, String> option : s.sortedOptions().entrySet()) {
                optionValue(g, option.getKey(), option.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void load(JsonGenerator g, LoadSettings l, Path folder) throws IOException {
        g.writeObjectFieldStart("load");
        g.writeStringField("profile", l.profile().toString());
        g.writeStringField("model", l.model().toString());
        g.writeNumberField("connections", l.connections());
        if (l.model() == LoadModel.OPEN) {
            number(g, "rateRps", l.rateRps());
        }
        g.writeStringField("schedule", l.schedule().toString());
        if (!l.stages().isEmpty()) {
            g.writeArrayFieldStart("stages");
            for (RampStage stage : l.stages()) {
                g.writeStartObject();
                duration(g, "duration", stage.duration());
                number(g, "rateRps", stage.rateRps());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        duration(g, "duration", l.duration());
        duration(g, "warmup", l.warmup());
        g.writeBooleanField("keepAlive", l.keepAlive());
        g.writeNumberField("leakConnections", l.leakConnections());
        g.writeNumberField("threads", l.threads());
        duration(g, "connectTimeout", l.connectTimeout());
        duration(g, "timeout", l.timeout());
        duration(g, "thinkTime", l.thinkTime());
        g.writeObjectFieldStart("request");
        request(g, l.request(), folder, Map.of());
        g.writeEndObject();
        if (!l.mix().isEmpty()) {
            g.writeArrayFieldStart("mix");
            for (WeightedRequest entry : l.mix()) {
                g.writeStartObject();
                g.writeNumberField("weight", entry.weight());
                request(g, entry.request(), folder, l.request().headers());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeNumberField("jobs", l.jobs());
        g.writeNumberField("concurrentJobs", l.concurrentJobs());
        g.writeEndObject();
    }

    /** A request's fields; headers equal to {@code shared} ones are left to {@code load.request}. */
    private static void request(JsonGenerator g, RequestTemplate r, Path folder, Map<String, String> shared)
            throws IOException {
        g.writeStringField("method", r.method());
        g.writeStringField("path", r.path());
        Map<String, String> own = new LinkedHashMap<>(r.headers());
        own.entrySet().removeIf(h -> h.getValue().equals(shared.get(h.getKey())));
        if (!own.isEmpty()) {
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : own.entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
        }
        switch (r.body()) {
            case RequestBody.None none -> {}
            case RequestBody.Text text -> g.writeStringField("body", text.text());
            case RequestBody.FromFile file -> g.writeStringField("bodyFile", relative(folder, file.file()));
        }
    }

    private static void telemetry(JsonGenerator g, TelemetrySettings t) throws IOException {
        g.writeObjectFieldStart("telemetry");
        g.writeBooleanField("enabled", t.enabled());
        duration(g, "lockThreshold", t.lockThreshold());
        duration(g, "sleepThreshold", t.sleepThreshold());
        duration(g, "executionSamplePeriod", t.executionSamplePeriod());
        g.writeBooleanField("saveRecording", t.saveRecording());
        number(g, "heapGuardPct", t.heapGuardPct());
        g.writeEndObject();
    }

    /** One string per metric with one condition, a list for more; metrics in order of first appearance. */
    private static void thresholds(JsonGenerator g, List<Threshold> thresholds) throws IOException {
        Map<String, List<String>> byMetric = new LinkedHashMap<>();
        for (Threshold t : thresholds) {
            byMetric.computeIfAbsent(t.metric(), m -> new ArrayList<>()).add(t.condition());
        }
        g.writeObjectFieldStart("thresholds");
        for (Map.Entry<String, List<String>> e : byMetric.entrySet()) {
            if (e.getValue().size() == 1) {
                g.writeStringField(e.getKey(), e.getValue().getFirst());
            } else {
                g.writeArrayFieldStart(e.getKey());
                for (String condition : e.getValue()) {
                    g.writeString(condition);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    /** A number or a flag as JSON would write it, anything else as a string: the form a file gives it. */
    static void optionValue(JsonGenerator g, String name, String value) throws IOException {
        if (Json.NUMBER.matcher(value).matches()) {
            g.writeFieldName(name);
            g.writeRawValue(value);
        } else if (value.equals("true") || value.equals("false")) {
            g.writeBooleanField(name, Boolean.parseBoolean(value));
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void duration(JsonGenerator g, String name, java.time.Duration d) throws IOException {
        g.writeStringField(name, Durations.format(d));
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(Numbers.plain(value));
    }

    /** {@code file} relative to {@code folder} with forward slashes when below it, else absolute. */
    private static String relative(Path folder, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (normal.startsWith(folder.normalize())) {
            return folder.normalize().relativize(normal).toString().replace('\\', '/');
        }
        return normal.toString();
    }
}

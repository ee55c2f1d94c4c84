package dev.loupe.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one Jackson set-up of the report package. Records serialize under their component names
 * (that is how {@code summary} and {@code intervals[]} get exactly the contract's fields); numbers
 * read back keep the digits they were written with; output is two-space pretty JSON like a scenario
 * file, or one compact line for the journal. Public for the comparison's files, which are written the same way.
 */
public final class JsonSupport {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Reads text keeping each number's digits as written ({@code 12.5} stays {@code 12.5}). */
    private static final ObjectReader EXACT = MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private JsonSupport() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} (a record) as a tree, its components as fields in declaration order. */
    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The resolved scenario as {@link ScenarioWriter} writes it, as an object. */
    static ObjectNode scenario(Scenario scenario, Path folder) {
        return (ObjectNode) parse(ScenarioWriter.plain().toJson(scenario, folder.toAbsolutePath()));
    }

    /** A finding as {@code result.json}'s {@code findings[]} has it. */
    static ObjectNode finding(Finding f) {
        return object()
                .put("rule", f.rule())
                .put("severity", f.severity().toString())
                .put("title", f.title())
                .put("evidence", f.evidence())
                .put("advice", f.advice());
    }

    /** {@link #finding} read back. */
    static Finding finding(JsonNode node) {
        Severity severity = Severity.valueOf(node.path("severity").asText().toUpperCase(Locale.ROOT));
        return new Finding(node.path("rule").asText(), severity, node.path("title").asText(),
                node.path("evidence").asText(), node.path("advice").asText());
    }

    static JsonNode parse(String json) {
        try {
            return EXACT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Pretty JSON with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree always serializes", e);
        }
    }

    /** One line of JSON, without a newline. */
    static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree always serializes", e);
        }
    }

    /** {@code completed}, {@code interrupted}, {@code stopped-by-guard}, {@code crashed}. */
    static String outcome(RunOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome written as {@link #outcome}, if it is one. */
    static Optional<RunOutcome> outcome(String word) {
        for (RunOutcome o : RunOutcome.values()) {
            if (outcome(o).equals(word)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
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
}

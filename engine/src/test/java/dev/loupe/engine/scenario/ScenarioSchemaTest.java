package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sample-configs/scenario.schema.json} and the Java reader must agree: every sample passes
 * both, a bad file fails both, and the schema names exactly the fields the reader accepts, with the
 * same choices and defaults.
 */
class ScenarioSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(ScenarioCatalog.syntaxOnly());

    @BeforeAll
    static void loadSchema() throws Exception {
        schemaNode = JSON.readTree(SampleConfigs.schema().toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    static List<Path> samples() {
        return SampleConfigs.scenarios();
    }

    @Test
    void theSchemaIsDraft2020_12AndThereAreSamples() {
        assertThat(schemaNode.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(samples()).map(p -> p.getFileName().toString())
                .contains("quick.json", "light.json", "heavy.json", "stress.json");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleValidatesAgainstTheSchemaAndReadsCleanly(Path sample) throws Exception {
        JsonNode json = JSON.readTree(sample.toFile());

        assertThat(schema.validate(json)).as("schema errors in " + sample).isEmpty();
        assertThat(json.get("$schema").asText()).isEqualTo("./scenario.schema.json");
        Scenario scenario = reader.read(sample);
        assertThat(dev.loupe.engine.server.ServerVariants.all()).extracting(v -> v.name())
                .as("a variant that exists").contains(scenario.server().variant());
        dev.loupe.engine.server.workload.Workloads.parse(scenario.workload().toString(), "workload");
        assertThat(scenario.description()).isNotBlank();
    }

    @Test
    void theSamplesNameTheirPresets() throws Exception {
        Path folder = SampleConfigs.folder();
        for (Preset preset : Preset.values()) {
            Scenario s = reader.read(folder.resolve(preset + ".json"));
            assertThat(s.load().profile()).isEqualTo(preset);
            assertThat(s.load().connections()).isEqualTo(preset.connections());
        }
        Scenario quick = reader.read(folder.resolve("quick.json"));
        assertThat(quick.summary()).isEqualTo(
                "virtual-threads · hello · light: 10 connections, open model at 1000 rps (constant), 4s + 2s warm-up · 2 thresholds");
    }

    /** One mistake each; the schema and the reader must both refuse every one. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"load\": {\"connections\": -5}",
        "\"load\": {\"conections\": 5}",
        "\"load\": {\"connections\": \"5\"}",
        "\"load\": {\"duration\": \"5 parsecs\"}",
        "\"load\": {\"profile\": \"medium\"}",
        "\"load\": {\"request\": {\"method\": \"get\"}}",
        "\"load\": {\"request\": {\"body\": \"x\", \"bodyFile\": \"x\"}}",
        "\"server\": {\"variant\": \"virtual-threads\", \"port\": 70000}",
        "\"server\": {}",
        "\"telemetry\": {\"enabled\": \"yes\"}",
        "\"thresholds\": {\"summary.latencyMs.p99\": \"=< 50\"}",
        "\"thresholds\": {\"summary.latencyMs.p100\": \"< 50\"}",
        "\"workload\": \"sleep 1ms\"",
        "\"extra\": 1"
    })
    void aBadFileFailsBothTheSchemaAndTheReader(String mistake) throws Exception {
        Map<String, Object> good = new LinkedHashMap<>();
        good.put("name", "bad");
        good.put("server", Map.of("variant", "virtual-threads"));
        good.put("workload", "hello");
        String json = JSON.writeValueAsString(good);
        String key = mistake.substring(1, mistake.indexOf('"', 1));
        String bad = good.containsKey(key)
                ? JSON.writeValueAsString(merge(good, key, JSON.readTree("{" + mistake + "}").get(key)))
                : json.substring(0, json.length() - 1) + ", " + mistake + "}";

        Set<ValidationMessage> errors = schema.validate(JSON.readTree(bad));
        InvalidScenarioException refused = catchThrowableOfType(InvalidScenarioException.class,
                () -> reader.read(bad, "bad.json", dir, Overrides.none()));

        assertThat(errors).as("schema errors for " + bad).isNotEmpty();
        assertThat(refused).as("reader problems for " + bad).isNotNull();
        assertThat(schema.validate(JSON.readTree(json))).as("control: the file without the mistake").isEmpty();
        assertThat(reader.read(json, "good.json", dir, Overrides.none())).isNotNull();
    }

    private static Map<String, Object> merge(Map<String, Object> good, String key, JsonNode value) {
        Map<String, Object> copy = new LinkedHashMap<>(good);
        copy.put(key, JSON.convertValue(value, Object.class));
        return copy;
    }

    @Test
    void theSchemaNamesExactlyTheFieldsTheReaderAccepts() throws Exception {
        Set<String> readerPaths = reader.fieldPaths("""
                {"load": {"stages": [{}], "mix": [{}]}}
                """);
        Set<String> schemaPaths = new TreeSet<>();
        collect(schemaNode, "", schemaPaths);

        assertThat(new TreeSet<>(readerPaths)).isEqualTo(schemaPaths);
        assertThat(readerPaths).contains("load.connections", "load.mix[].weight", "load.stages[].rateRps", "$schema");
    }

    @Test
    void theSchemaListsEveryThresholdMetric() {
        List<String> names = new ArrayList<>();
        schemaNode.at("/properties/thresholds/properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(ThresholdMetrics.KNOWN);
    }

    @Test
    void theSchemasChoicesAreTheEnumsValues() {
        assertThat(texts(schemaNode.at("/properties/load/properties/profile/enum")))
                .containsExactlyElementsOf(Arrays.stream(Preset.values()).map(Object::toString).toList());
        assertThat(texts(schemaNode.at("/properties/load/properties/model/enum")))
                .containsExactlyElementsOf(Arrays.stream(LoadModel.values()).map(Object::toString).toList());
        assertThat(texts(schemaNode.at("/properties/load/properties/schedule/enum")))
                .containsExactlyElementsOf(Arrays.stream(Schedule.values()).map(Object::toString).toList());
    }

    @Test
    void theSchemasDefaultsAreWhatTheReaderFillsIn() throws Exception {
        Scenario minimal = reader.read("""
                {"name": "defaults", "server": {"variant": "virtual-threads"}, "workload": "hello"}
                """, "defaults.json", dir, Overrides.none());
        JsonNode written = JSON.readTree(ScenarioWriter.plain().toJson(minimal, dir));
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        collectDefaults(schemaNode, "", defaults);

        assertThat(defaults).containsKeys("server.port", "load.duration", "load.request.method", "telemetry.lockThreshold");
        defaults.forEach((path, value) -> assertThat(written.at("/" + path.replace('.', '/')))
                .as("default of " + path).isEqualTo(value));
    }

    /**
     * Every bound the schema states is the code's constant, and every limit the code has is stated:
     * numbers as minimum / maximum, counts as minItems / maxItems / maxProperties, lengths as
     * minLength / maxLength, durations as the {@code min..max} their description gives.
     */
    @Test
    void theSchemasBoundsAreTheCodesLimits() {
        Map<String, ScenarioLimits.Limit> limits = new LinkedHashMap<>();
        ScenarioLimits.all().forEach(l -> limits.put(l.path(), l));
        Map<String, JsonNode> bounded = new TreeMap<>();
        collectBounded(schemaNode, "", bounded);

        assertThat(bounded.keySet()).as("fields with a bound in the schema").containsExactlyInAnyOrderElementsOf(
                limits.keySet().stream().filter(p -> !p.equals("name")).toList());
        bounded.forEach((path, node) -> {
            ScenarioLimits.Limit limit = limits.get(path);
            switch (limit) {
                case ScenarioLimits.Span span -> assertThat(node.get("description").asText()).as(path)
                        .contains(", " + span.expected() + ".");
                case ScenarioLimits.Decimal d -> {
                    assertThat(node.get("minimum").asDouble()).as(path + " minimum").isEqualTo(d.min());
                    assertThat(node.get("maximum").asDouble()).as(path + " maximum").isEqualTo(d.max());
                }
                case ScenarioLimits.Whole w -> {
                    String[] keywords = node.has("maxItems") ? new String[] {"minItems", "maxItems"}
                            : node.has("maxProperties") ? new String[] {"minProperties", "maxProperties"}
                            : node.has("maxLength") ? new String[] {"minLength", "maxLength"}
                            : new String[] {"minimum", "maximum"};
                    long min = node.has(keywords[0]) ? node.get(keywords[0]).asLong() : 0;
                    assertThat(min).as(path + " " + keywords[0]).isEqualTo(w.min());
                    assertThat(node.get(keywords[1]).asLong()).as(path + " " + keywords[1]).isEqualTo(w.max());
                }
            }
        });
        assertThat(schemaNode.at("/properties/name/pattern").asText())
                .endsWith("{" + ScenarioLimits.NAME_CHARS.min() + "," + ScenarioLimits.NAME_CHARS.max() + "}$");
    }

    /** The control: a changed bound is caught. */
    @Test
    void aBoundThatDriftsIsCaught() {
        ScenarioLimits.Whole drifted = new ScenarioLimits.Whole("load.threads", 1, ScenarioLimits.LOAD_THREADS.max() + 1);
        assertThat(schemaNode.at("/properties/load/properties/threads/maximum").asLong()).isNotEqualTo(drifted.max());
    }

    /** The schema's fields that state a bound, by path ({@code load.mix[].path} is {@code load.request.path}). */
    private static void collectBounded(JsonNode node, String path, Map<String, JsonNode> into) {
        if (path.equals("thresholds")) {
            return;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().endsWith("/duration")) {
            if (node.path("description").asText().matches(".*, [0-9]+[a-z]+\\.\\.[0-9]+[a-z]+\\..*")) {
                into.put(path, node);
            }
            return;
        }
        JsonNode s = resolve(node);
        if (Stream.of("minimum", "maximum", "maxItems", "maxLength", "maxProperties").anyMatch(s::has)) {
            into.put(path.replace("load.mix[].path", "load.request.path").replace("load.mix[].body", "load.request.body"), s);
        }
        JsonNode properties = s.get("properties");
        if (properties != null) {
            properties.properties().forEach(e ->
                    collectBounded(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into));
        }
        JsonNode items = s.get("items");
        if (items != null) {
            collectBounded(items, path + "[]", into);
        }
    }

    /** Property paths of the schema, following {@code $ref}s; maps (headers, thresholds) are leaves. */
    private static void collect(JsonNode node, String path, Set<String> into) {
        JsonNode s = resolve(node);
        if (path.equals("thresholds")) {
            return;
        }
        JsonNode properties = s.get("properties");
        if (properties != null) {
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                into.add(child);
                collect(e.getValue(), child, into);
            }
        }
        JsonNode items = s.get("items");
        if (items != null) {
            into.add(path + "[]");
            collect(items, path + "[]", into);
        }
    }

    private static void collectDefaults(JsonNode node, String path, Map<String, JsonNode> into) {
        JsonNode s = resolve(node);
        if (node.has("default") && !path.contains("[]")) {
            into.put(path, node.get("default"));
        }
        JsonNode properties = s.get("properties");
        if (properties != null && !path.equals("thresholds")) {
            properties.properties().forEach(e ->
                    collectDefaults(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into));
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : schemaNode.at(ref.asText().substring(1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

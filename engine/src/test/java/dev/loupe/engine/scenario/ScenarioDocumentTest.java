package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening a scenario file and saving it back changes exactly what was changed, and nothing else. */
class ScenarioDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Path> samples() {
        return SampleConfigs.scenarios();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleSavedBackIsTheSameJsonAndASetAndUnsetFieldLeavesNoTrace(Path sample) throws Exception {
        JsonNode original = JSON.readTree(sample.toFile());
        ScenarioDocument doc = ScenarioDocument.read(sample);

        Path saved = dir.resolve("saved.json");
        doc.save(saved);
        assertThat(Files.readString(saved)).as("unchanged: the very text").isEqualTo(Files.readString(sample));

        ScenarioDocument edited = doc.with("server.options.workers", "8").with("load.connections", "33");
        edited.save(saved);
        ObjectNode expected = original.deepCopy();
        ((ObjectNode) expected.path("server")).putObject("options").put("workers", 8);
        ((ObjectNode) expected.path("load")).put("connections", 33);
        assertThat(JSON.readTree(saved.toFile())).as("two fields set, nothing else").isEqualTo(expected);

        ScenarioDocument back = edited.without("server.options.workers");
        back = original.path("load").has("connections")
                ? back.with("load.connections", original.path("load").path("connections").asText())
                : back.without("load.connections");
        back.save(saved);
        assertThat(JSON.readTree(saved.toFile())).as("set and put back: equal as JSON").isEqualTo(original);
    }

    @Test
    void valuesAreWrittenInTheirFieldsJsonTypes() throws Exception {
        ScenarioDocument doc = ScenarioDocument.parse("""
                {"name": "t", "server": {"variant": "fixed-pool"}, "workload": "hello",
                 "load": {"mix": [{"path": "/a"}, {"path": "/b"}]}}
                """, "t.json")
                .with("load.connections", "50")
                .with("load.keepAlive", "false")
                .with("load.duration", "15s")
                .with("telemetry.heapGuardPct", "80.5")
                .with("thresholds.summary.latencyMs.p99", "< 50")
                .with("load.request.headers.X-Trace", "on")
                .with("server.options.queueCapacity", "0")
                .with("load.mix[1].weight", "3");
        JsonNode tree = doc.tree();

        assertThat(tree.at("/load/connections").isInt() || tree.at("/load/connections").isNumber()).isTrue();
        assertThat(tree.at("/load/connections").asInt()).isEqualTo(50);
        assertThat(tree.at("/load/keepAlive").isBoolean()).isTrue();
        assertThat(tree.at("/load/duration").asText()).isEqualTo("15s");
        assertThat(tree.at("/telemetry/heapGuardPct").asDouble()).isEqualTo(80.5);
        assertThat(tree.at("/thresholds").get("summary.latencyMs.p99").asText()).isEqualTo("< 50");
        assertThat(tree.at("/load/request/headers/X-Trace").asText()).isEqualTo("on");
        assertThat(tree.at("/server/options/queueCapacity").isNumber()).isTrue();
        assertThat(tree.at("/load/mix/1/weight").asInt()).isEqualTo(3);
        assertThat(doc.valueAt("thresholds.summary.latencyMs.p99")).contains("< 50");
        assertThat(doc.valueAt("load.threads")).isEmpty();

        Scenario s = doc.resolve(new ScenarioReader(ScenarioCatalog.syntaxOnly()), "t.json", dir, Overrides.none());
        assertThat(s.load().connections()).isEqualTo(50);
        assertThat(s.server().options()).containsEntry("queueCapacity", "0");
        assertThat(s.load().mix().get(1).weight()).isEqualTo(3);
    }

    @Test
    void removingTheLastFieldOfAnObjectRemovesTheObject() throws Exception {
        ScenarioDocument doc = ScenarioDocument.parse("""
                {"name": "t", "server": {"variant": "virtual-threads"}, "workload": "hello"}""", "t.json");
        ScenarioDocument set = doc.with("server.options.workers", "2");
        assertThat(set.tree().at("/server/options/workers").asInt()).isEqualTo(2);
        assertThat(set.without("server.options.workers").tree()).isEqualTo(doc.tree());
        assertThat(doc.without("load.duration")).as("absent: nothing to remove").isSameAs(doc);
    }

    @Test
    void unknownPathsAndMissingEntriesAreRefusedByName() throws Exception {
        ScenarioDocument doc = ScenarioDocument.parse("""
                {"name": "t", "server": {"variant": "virtual-threads"}, "workload": "hello"}""", "t.json");
        assertThatThrownBy(() -> doc.with("load.conections", "5"))
                .hasMessage("--set: load.conections: unknown field (expected: a field path such as load.connections)");
        assertThatThrownBy(() -> doc.with("load.mix[0].weight", "5"))
                .hasMessageContaining("load.mix[0].weight: no such entry in the file's list");
        assertThatThrownBy(() -> doc.with("load", "5")).hasMessageContaining("load: unknown field");
        assertThatThrownBy(() -> ScenarioDocument.parse("{\"name\": ", "broken.json"))
                .hasMessageStartingWith("broken.json:1:");
    }

    @Test
    void aFailedSaveLeavesTheOldFileWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"name\": \"t\"}\n");
        ScenarioDocument doc = ScenarioDocument.read(file).with("load.connections", "5");
        assertThatThrownBy(() -> doc.save(dir.resolve("missing/s.json"))).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"name\": \"t\"}\n");
        doc.save(file);
        assertThat(JSON.readTree(file.toFile()).at("/load/connections").asInt()).isEqualTo(5);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("s.json");
        }
    }
}

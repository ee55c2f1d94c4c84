package dev.loupe.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenario panel's state, without a window: fields from the file, the engine's messages at them, saving. */
class ScenarioEditorViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ScenarioEditorViewModel editor = new ScenarioEditorViewModel(new ScenarioReader(RunCatalog.installed()),
            name -> ServerVariants.all().stream().filter(v -> v.name().equals(name)).findFirst()
                    .map(ServerVariant::options).orElse(List.of()),
            Path.of("."));

    static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sample-configs/quick.json"))) {
                return p.resolve("sample-configs");
            }
        }
        throw new IllegalStateException("sample-configs not found");
    }

    static Stream<Path> sampleFiles() throws Exception {
        try (Stream<Path> files = Files.list(samples())) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().contains("schema"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleFiles")
    void everySampleOpensWithItsFieldsAndSavesBackEqual(Path sample) throws Exception {
        editor.open(sample);
        JsonNode original = JSON.readTree(sample.toFile());

        boolean manyRuns = original.has("matrix") || original.has("sweep") || original.at("/load/search").isObject();
        if (manyRuns) {
            assertThat(editor.scenarioProperty().get()).as("a grid runs from the command line").isNull();
            assertThat(editor.otherProblems()).singleElement().asString().contains("runs from the command line");
        } else {
            assertThat(editor.scenarioProperty().get()).as("it would run").isNotNull();
            assertThat(editor.otherProblems()).isEmpty();
            assertThat(editor.field("load.connections").resolvedProperty().get())
                    .isEqualTo(Integer.toString(editor.scenarioProperty().get().load().connections()));
        }
        assertThat(editor.field("server.variant").textProperty().get()).isEqualTo(original.at("/server/variant").asText());
        assertThat(editor.field("workload").textProperty().get()).isEqualTo(original.at("/workload").asText());
        assertThat(editor.dirtyProperty().get()).isFalse();

        Path saved = dir.resolve("saved.json");
        editor.saveAs(saved);
        assertThat(JSON.readTree(saved.toFile())).isEqualTo(original);
        assertThat(editor.fileProperty().get()).isEqualTo(saved);
    }

    @Test
    void anEditedFieldChangesTheFileAndARefusedOneShowsTheEnginesMessageAtIt() throws Exception {
        editor.open(samples().resolve("quick.json"));
        FieldViewModel connections = editor.field("load.connections");
        assertThat(connections.textProperty().get()).as("the file leaves it to the preset").isEmpty();
        assertThat(connections.resolvedProperty().get()).isEqualTo("10");

        connections.textProperty().set("0");
        assertThat(connections.problemProperty().get()).isEqualTo("0 (expected: 1..100000)");
        assertThat(editor.scenarioProperty().get()).as("would not run").isNull();
        assertThat(editor.dirtyProperty().get()).isTrue();

        connections.textProperty().set("25");
        assertThat(connections.problemProperty().get()).isEmpty();
        assertThat(editor.scenarioProperty().get().load().connections()).isEqualTo(25);

        connections.textProperty().set("");
        assertThat(editor.scenarioProperty().get().load().connections()).as("back to the preset").isEqualTo(10);
        assertThat(JSON.readTree(editor.document().toJson()))
                .isEqualTo(JSON.readTree(samples().resolve("quick.json").toFile()));
    }

    @Test
    void theVariantsOwnOptionsAppearWithItAndAreCheckedByIt() throws Exception {
        editor.open(samples().resolve("quick.json"));
        assertThat(editor.optionFields()).as("virtual-threads takes none").isEmpty();

        editor.field("server.variant").textProperty().set("event-loop-offload");
        assertThat(editor.optionFields()).extracting(FieldViewModel::path).containsExactly("server.options.workers");
        FieldViewModel workers = editor.field("server.options.workers");
        workers.textProperty().set("0");
        assertThat(workers.problemProperty().get())
                .isEqualTo("0 (expected: a whole number 1..10000, for event-loop-offload)");
        workers.textProperty().set("6");
        assertThat(editor.scenarioProperty().get().server().options()).containsEntry("workers", "6");

        editor.field("server.variant").textProperty().set("event-loop");
        assertThat(editor.optionFields()).isEmpty();
        assertThat(editor.scenarioProperty().get()).as("the option event-loop does not take").isNull();
        assertThat(editor.otherProblems()).singleElement().asString()
                .contains("server.options.workers").contains("an option of event-loop, which takes none");
    }

    @Test
    void thresholdsAreFieldsTooAndOthersTheFileHoldsAreKept() throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, """
                {"name": "t", "server": {"variant": "event-loop"}, "workload": "hello",
                 "load": {"profile": "light"},
                 "thresholds": {"summary.latencyMs.p99": "< 50", "summary.throughputRps": "> 100"}}
                """);
        editor.open(file);
        FieldViewModel p99 = editor.field("thresholds.summary.latencyMs.p99");
        assertThat(p99.textProperty().get()).isEqualTo("< 50");
        assertThat(editor.field("thresholds.findings.red").textProperty().get()).isEmpty();

        p99.textProperty().set("under 50");
        assertThat(p99.problemProperty().get()).startsWith("\"under 50\" (expected: an operator <, <=, >, >= or ==");
        assertThat(editor.scenarioProperty().get()).isNull();

        p99.textProperty().set("<= 20");
        editor.field("thresholds.findings.red").textProperty().set("== 0");
        assertThat(editor.scenarioProperty().get().thresholds()).extracting(t -> t.metric() + " " + t.condition())
                .containsExactlyInAnyOrder("summary.latencyMs.p99 <= 20", "summary.throughputRps > 100", "findings.red == 0");
        editor.save();
        assertThat(JSON.readTree(file.toFile()).get("thresholds")).isEqualTo(JSON.readTree(
                "{\"summary.latencyMs.p99\": \"<= 20\", \"summary.throughputRps\": \"> 100\", \"findings.red\": \"== 0\"}"));
    }

    @Test
    void aMatrixSaysItRunsFromTheCommandLineAndIsNotRunHere() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, """
                {"name": "m", "server": {"variant": "event-loop"}, "workload": "hello", "load": {"profile": "light"},
                 "matrix": {"server.variant": ["event-loop", "virtual-threads"]}}
                """);
        editor.open(file);
        assertThat(editor.scenarioProperty().get()).isNull();
        assertThat(editor.otherProblems()).singleElement().asString()
                .startsWith("matrix: this file runs several scenarios").contains("runs from the command line");

        Files.writeString(file, """
                {"name": "m", "server": {"variant": "event-loop"}, "workload": "hello", "load": {"profile": "light"}}
                """);
        editor.open(file);
        assertThat(editor.scenarioProperty().get()).as("control: the same file without it runs").isNotNull();
    }

    @Test
    void aWorkloadParameterTheWorkloadRefusesIsShownAtTheWorkload() throws Exception {
        editor.open(samples().resolve("quick.json"));
        editor.field("workload").textProperty().set("sleep:soon");
        assertThat(editor.field("workload").problemProperty().get()).startsWith("\"sleep:soon\" (expected: a duration");
    }

    @Test
    void saveKeepsWhatThePanelDoesNotShowAndWritesNothingHalf() throws Exception {
        Path file = Files.writeString(dir.resolve("mix.json"), """
                {"name": "mix", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"thinkTime": "5ms", "mix": [{"path": "/a", "weight": 3}, {"path": "/b"}],
                          "request": {"headers": {"X-Trace": "on"}}},
                 "thresholds": {"summary.latencyMs.p99": "< 50"}}
                """);
        editor.open(file);
        editor.field("load.duration").textProperty().set("12s");
        editor.save();

        JsonNode saved = JSON.readTree(file.toFile());
        assertThat(saved.at("/load/duration").asText()).isEqualTo("12s");
        assertThat(saved.at("/load/thinkTime").asText()).isEqualTo("5ms");
        assertThat(saved.at("/load/mix/0/weight").asInt()).isEqualTo(3);
        assertThat(saved.at("/load/request/headers/X-Trace").asText()).isEqualTo("on");
        assertThat(saved.at("/thresholds").get("summary.latencyMs.p99").asText()).isEqualTo("< 50");
        assertThat(editor.dirtyProperty().get()).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mix.json");
        }
    }

    @Test
    void aFileThatIsNotJsonIsRefusedAndTheOpenScenarioStays() throws Exception {
        editor.open(samples().resolve("quick.json"));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        assertThatThrownBy(() -> editor.open(broken)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("broken.json:");
        assertThat(editor.fileProperty().get().getFileName().toString()).isEqualTo("quick.json");
    }

    @Test
    void aNewScenarioRunsAndMustBeSavedAs() {
        editor.newScenario();
        assertThat(editor.scenarioProperty().get()).isNotNull();
        assertThat(editor.fileProperty().get()).isNull();
        assertThatThrownBy(editor::save).isInstanceOf(IllegalStateException.class);
    }
}

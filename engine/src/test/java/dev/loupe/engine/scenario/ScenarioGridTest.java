package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file's matrix and sweep: the runs they ask for, and the message for each mistake. */
class ScenarioGridTest {
    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(ScenarioCatalog.syntaxOnly());

    private Path file(String extra) throws Exception {
        return Files.writeString(dir.resolve("grid.json"), """
                {
                  "name": "grid",
                  "server": {"variant": "thread-per-connection"},
                  "workload": "hello",
                  %s
                }
                """.formatted(extra));
    }

    private ScenarioPlan plan(String extra, Overrides overrides) throws Exception {
        return reader.readPlan(file(extra), overrides);
    }

    private List<String> problems(String extra, Overrides overrides) throws Exception {
        Path f = file(extra);
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> reader.readPlan(f, overrides));
        assertThat(e).as("the file should have been refused").isNotNull();
        return e.problems().stream().map(ScenarioProblem::toString).toList();
    }

    @Test
    void aMatrixIsTheProductOfItsListsTheFirstVaryingSlowest() throws Exception {
        ScenarioPlan plan = plan("""
                "matrix": {"server.variant": ["thread-per-connection", "event-loop"], "load.keepAlive": [false, true],
                           "load.connections": [5]}""", Overrides.none());

        assertThat(plan.grid()).get().extracting(ScenarioGrid::kind).isEqualTo(ScenarioGrid.Kind.MATRIX);
        assertThat(plan.cells()).extracting(ScenarioGrid.Cell::label).containsExactly(
                "server.variant=thread-per-connection, load.keepAlive=false, load.connections=5",
                "server.variant=thread-per-connection, load.keepAlive=true, load.connections=5",
                "server.variant=event-loop, load.keepAlive=false, load.connections=5",
                "server.variant=event-loop, load.keepAlive=true, load.connections=5");
        assertThat(plan.runs()).extracting(s -> s.server().variant())
                .containsExactly("thread-per-connection", "thread-per-connection", "event-loop", "event-loop");
        assertThat(plan.runs()).extracting(s -> s.load().keepAlive()).containsExactly(false, true, false, true);
        assertThat(plan.runs()).allMatch(s -> s.load().connections() == 5);
        assertThat(plan.cells()).extracting(ScenarioGrid.Cell::folderName).containsExactly(
                "01-thread-per-connection-keepAlive-false-connections-5", "02-thread-per-connection-keepAlive-true-connections-5",
                "03-event-loop-keepAlive-false-connections-5", "04-event-loop-keepAlive-true-connections-5");
    }

    @Test
    void aSweepVariesOneFieldAndASetOfAnotherFieldAppliesToEveryRun() throws Exception {
        ScenarioPlan plan = plan("""
                "sweep": {"path": "server.threads", "values": [1, 2, 4]}""",
                Overrides.parse(List.of("load.duration=3s")));

        assertThat(plan.grid().orElseThrow().kind()).isEqualTo(ScenarioGrid.Kind.SWEEP);
        assertThat(plan.runs()).extracting(s -> s.server().threads()).containsExactly(1, 2, 4);
        assertThat(plan.runs()).allMatch(s -> s.load().duration().getSeconds() == 3);
        assertThat(plan.cells().get(1).assignments()).isEqualTo(Map.of("server.threads", "2"));
    }

    @Test
    void aFileWithoutAGridIsOneRunAndPlainReadingIgnoresTheGrid() throws Exception {
        ScenarioPlan single = plan("\"description\": \"one\"", Overrides.none());
        Scenario read = reader.read(file("\"sweep\": {\"path\": \"server.threads\", \"values\": [1, 2]}"));

        assertThat(single.grid()).isEmpty();
        assertThat(single.runs()).hasSize(1);
        assertThat(read.name()).as("a run of the file as it is, for the dashboard").isEqualTo("grid");
    }

    @Test
    void aSearchIsReadWithItsDefaultsAndTheCommandLinesConditionsAddToIt() throws Exception {
        Path f = file("\"load\": {\"search\": {\"slo\": {\"summary.latencyMs.p99\": \"< 50\"}, \"startRps\": 200}}");

        ScenarioPlan plan = reader.readPlan(f, Overrides.none()).withSearch(List.of(Threshold.parse("summary.errorRatePct<1")));

        SearchSpec search = plan.search().orElseThrow();
        assertThat(search.slo()).extracting(Threshold::toString)
                .containsExactly("summary.latencyMs.p99 < 50", "summary.errorRatePct < 1");
        assertThat(search.startRps()).isEqualTo(200);
        assertThat(search.maxRps()).isEqualTo(SearchSpec.DEFAULT_MAX_RPS);
        assertThat(search.precisionPct()).isEqualTo(SearchSpec.DEFAULT_PRECISION_PCT);
        assertThat(plan.runs()).hasSize(1);
        assertThat(reader.readPlan(file("\"description\": \"no search\""), Overrides.none()).search()).isEmpty();
    }

    @Test
    void aSearchsMistakesAreNamed() throws Exception {
        assertThat(problems("\"load\": {\"search\": {\"startRps\": 200}}", Overrides.none())).singleElement().asString()
                .contains("load.search.slo: missing");
        assertThat(problems("\"load\": {\"search\": {\"slo\": {\"summary.latencyMs.p100\": \"< 5\"}}}", Overrides.none()))
                .singleElement().asString().contains("load.search.slo.summary.latencyMs.p100: unknown metric");
        assertThat(problems("\"load\": {\"search\": {\"slo\": {\"summary.latencyMs.p99\": \"< 5\"}, \"maxRps\": 10, \"startRps\": 20}}",
                Overrides.none())).singleElement().asString().contains("load.search.maxRps: 10 (expected: from startRps 20");
        assertThat(problems("\"load\": {\"search\": {\"slo\": {\"summary.latencyMs.p99\": \"< 5\"}}},"
                + " \"sweep\": {\"path\": \"server.threads\", \"values\": [1, 2]}", Overrides.none()))
                .anyMatch(p -> p.contains("a search beside a sweep"));
    }

    @Test
    void eachMistakeIsNamedWithItsPlace() throws Exception {
        assertThat(problems("\"matrix\": {\"load.conections\": [1, 2]}", Overrides.none())).singleElement().asString()
                .contains("grid.json:5:").contains("matrix.load.conections: \"load.conections\" (expected: a field of the scenario")
                .contains("did you mean 'load.connections'?");
        assertThat(problems("\"matrix\": {\"load.connections\": 5}", Overrides.none())).singleElement().asString()
                .contains("matrix.load.connections: 5 (expected: a list of at least one value");
        assertThat(problems("\"matrix\": {\"load.connections\": [1, 1]}", Overrides.none())).singleElement().asString()
                .contains("matrix.load.connections[1]: 1 (expected: a value not already in the list)");
        assertThat(problems("\"matrix\": {\"load.connections\": [1]}, \"sweep\": {\"path\": \"server.threads\", \"values\": [1]}",
                Overrides.none())).singleElement().asString().contains("sweep: a sweep beside a matrix");
        assertThat(problems("\"sweep\": {\"values\": [1]}", Overrides.none())).singleElement().asString()
                .contains("sweep.path: missing (expected: the field the sweep varies");
        assertThat(problems("\"matrix\": {\"load.connections\": [1, -5]}", Overrides.none())).singleElement().asString()
                .contains("grid.json:5:").contains("matrix.load.connections[1]: -5 (expected: 1..")
                .contains(", in matrix run 2 of 2 (load.connections=-5)");
        assertThat(problems("\"matrix\": {\"load.connections\": [1, 2]}", Overrides.parse(List.of("load.connections=3"))))
                .singleElement().asString().contains("--set load.connections is also given");
        assertThat(problems("\"matrix\": {\"load.connections\": [1, 2, 3, 4, 5, 6, 7, 8], \"server.threads\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}",
                Overrides.none())).singleElement().asString().contains("72 runs (expected: at most 64");
    }
}

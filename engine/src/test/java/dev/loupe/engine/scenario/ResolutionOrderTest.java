package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loupe.engine.load.LoadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each field resolves in the written order: command line, then file, then preset, then default. */
class ResolutionOrderTest {
    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(ScenarioCatalog.syntaxOnly());

    private Scenario read(String load, Overrides overrides) throws InvalidScenarioException {
        String json = """
                {"name": "order", "server": {"variant": "virtual-threads"%s}, "workload": "hello", "load": {%s}}
                """.formatted(load.contains("SERVER_THREADS") ? ", \"threads\": 6" : "", load.replace("SERVER_THREADS", ""));
        return reader.read(json.replace("{, ", "{").replace(", }", "}"), "order.json", dir, overrides);
    }

    @Test
    void eachPresetFillsConnectionsServerThreadsAndJobs() throws Exception {
        for (Preset preset : Preset.values()) {
            Scenario s = read("\"profile\": \"" + preset + "\"", Overrides.none());
            assertThat(s.load().connections()).isEqualTo(preset.connections());
            assertThat(s.server().threads()).isEqualTo(preset.serverThreads());
            assertThat(s.load().jobs()).isEqualTo(preset.jobs());
            assertThat(s.load().concurrentJobs()).isEqualTo(preset.concurrentJobs());
        }
        assertThat(List.of(Preset.LIGHT.connections(), Preset.HEAVY.connections(), Preset.STRESS.connections()))
                .containsExactly(10, 100, 1000);
        assertThat(List.of(Preset.LIGHT.serverThreads(), Preset.HEAVY.serverThreads(), Preset.STRESS.serverThreads()))
                .containsExactly(2, 4, 8);
        assertThat(List.of(Preset.STRESS.jobs(), Preset.STRESS.concurrentJobs())).containsExactly(500, 40);
    }

    @Test
    void aPresetFillsOnlyWhatTheFileLeavesUnset() throws Exception {
        Scenario s = read("\"profile\": \"stress\", \"connections\": 42, \"jobs\": 9, SERVER_THREADS", Overrides.none());

        assertThat(s.load().connections()).as("set in the file").isEqualTo(42);
        assertThat(s.load().jobs()).as("set in the file").isEqualTo(9);
        assertThat(s.server().threads()).as("set in the file").isEqualTo(6);
        assertThat(s.load().concurrentJobs()).as("from the preset, but never above jobs").isEqualTo(9);
        assertThat(read("\"profile\": \"stress\", \"jobs\": 100", Overrides.none()).load().concurrentJobs())
                .as("from the preset").isEqualTo(40);
    }

    @Test
    void aPresetsServerThreadsStayWithinTheFilesThreadCap() throws Exception {
        String json = """
                {"name": "cap", "server": {"variant": "accept-pool", "maxThreads": 4}, "workload": "hello",
                 "load": {"profile": "stress"}}
                """;
        assertThat(reader.read(json, "cap.json", dir, Overrides.none()).server().threads()).isEqualTo(4);
    }

    @Test
    void explicitBeatsFileBeatsPresetBeatsDefault() throws Exception {
        Scenario s = read("\"profile\": \"heavy\", \"connections\": 42, \"duration\": \"20s\"",
                Overrides.none().with("load.connections", "7").with("load.warmup", "2s"));

        assertThat(s.load().connections()).as("explicit beats file and preset").isEqualTo(7);
        assertThat(s.load().duration()).as("file beats default").isEqualTo(Duration.ofSeconds(20));
        assertThat(s.load().warmup()).as("explicit beats default").isEqualTo(Duration.ofSeconds(2));
        assertThat(s.server().threads()).as("preset beats default").isEqualTo(4);
        assertThat(s.load().timeout()).as("default").isEqualTo(ScenarioDefaults.REQUEST_TIMEOUT);
    }

    @Test
    void anExplicitProfileChangesWhichPresetFills() throws Exception {
        Scenario s = read("\"profile\": \"light\"", Overrides.none().with("load.profile", "stress"));
        assertThat(s.load().profile()).isEqualTo(Preset.STRESS);
        assertThat(s.load().connections()).isEqualTo(1000);
    }

    @Test
    void generatorThreadsDefaultToTheGeneratorsOwnDefault() throws Exception {
        assertThat(read("", Overrides.none()).load().threads()).isEqualTo(LoadSpec.DEFAULT_THREADS).isEqualTo(1);
        assertThat(read("\"connections\": 1", Overrides.none()).load().threads()).isEqualTo(1);
    }

    @Test
    void overridesReachEveryKindOfField() throws Exception {
        Overrides overrides = Overrides.parse(List.of(
                "server.variant=event-loop",
                "load.duration=5s",
                "load.keepAlive=false",
                "load.model=open",
                "load.rateRps=250.5",
                "load.request.headers.X-Trace=on",
                "telemetry.enabled=false",
                "thresholds.summary.latencyMs.p99=<50",
                "name=renamed"));
        Scenario s = read("", overrides);

        assertThat(s.server().variant()).isEqualTo("event-loop");
        assertThat(s.load().duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.load().keepAlive()).isFalse();
        assertThat(s.load().model()).isEqualTo(LoadModel.OPEN);
        assertThat(s.load().rateRps()).isEqualTo(250.5);
        assertThat(s.load().request().headers()).containsEntry("X-Trace", "on");
        assertThat(s.telemetry().enabled()).isFalse();
        assertThat(s.thresholds()).containsExactly(new Threshold("summary.latencyMs.p99", Comparison.LESS, 50));
        assertThat(s.name()).isEqualTo("renamed");
    }

    @Test
    void anOverriddenThresholdReplacesTheFilesConditionsForThatMetric() throws Exception {
        String json = """
                {"name": "t", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "thresholds": {"summary.latencyMs.p99": ["< 10", "> 0"], "findings.red": "== 0"}}
                """;
        Scenario s = reader.read(json, "t.json", dir, Overrides.none().with("thresholds.summary.latencyMs.p99", "<= 80"));
        assertThat(s.thresholds()).containsExactly(
                new Threshold("summary.latencyMs.p99", Comparison.LESS_OR_EQUAL, 80),
                new Threshold("findings.red", Comparison.EQUAL, 0));
    }

    @Test
    void badOverridesAreNamedAsTheCommandLineWithNearestPaths() {
        Overrides overrides = Overrides.none()
                .with("load.conections", "50")
                .with("load.connections", "-5")
                .with("load.duration", "5 parsecs")
                .with("server.variant", "Virtual Threads")
                .with("load.request", "x")
                .with("load.mix[0].weight", "2")
                .with("xyzzy", "1")
                .with("thresholds.summary.latencyMs.p100", "<5");
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> read("", overrides));

        assertThat(e.problems()).map(ScenarioProblem::toString).containsExactly(
                "--set: load.conections: unknown field (did you mean 'load.connections'?)",
                "--set: load.connections: -5 (expected: 1..100000)",
                "--set: load.duration: \"5 parsecs\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m;"
                        + " units: ns, us, ms, s, m, h)",
                "--set: server.variant: \"Virtual Threads\" (expected: a server variant name, e.g. virtual-threads)",
                "--set: load.request: holds an object or a list and cannot be set as a whole (expected: one of its"
                        + " fields, e.g. load.request.method)",
                "--set: load.mix[0].weight: no such entry in the file's list (expected: an index the file has,"
                        + " counting from 0)",
                "--set: xyzzy: unknown field (expected: a field path such as load.connections)",
                "--set: thresholds.summary.latencyMs.p100: unknown metric (expected: a numeric result.json path such as"
                        + " summary.latencyMs.p99, or findings.red / findings.yellow; did you mean 'summary.latencyMs.p50'?)");
    }

    @Test
    void fileProblemsComeBeforeCommandLineProblems() {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> read("\"connections\": 0", Overrides.none().with("load.threads", "x")));
        assertThat(e.problems()).map(ScenarioProblem::toString).containsExactly(
                "order.json:1:106: load.connections: 0 (expected: 1..100000)",
                "--set: load.threads: \"x\" (expected: an integer)");
    }
}

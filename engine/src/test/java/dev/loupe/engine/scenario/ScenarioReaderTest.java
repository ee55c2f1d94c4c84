package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files: what a good file becomes, and the exact message for each kind of mistake. */
class ScenarioReaderTest {
    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(ScenarioCatalog.syntaxOnly());

    static final String MINIMAL = """
            {
              "name": "quick",
              "server": {"variant": "virtual-threads"},
              "workload": "hello"
            }
            """;

    Scenario read(String json) throws InvalidScenarioException {
        return reader.read(json, "quick.json", dir, Overrides.none());
    }

    List<String> problems(String json) {
        return problems(json, Overrides.none());
    }

    List<String> problems(ScenarioReader reader, String json) {
        return problems(reader, json, Overrides.none());
    }

    List<String> problems(String json, Overrides overrides) {
        return problems(reader, json, overrides);
    }

    List<String> problems(ScenarioReader reader, String json, Overrides overrides) {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> reader.read(json, "quick.json", dir, overrides));
        assertThat(e).as("the scenario should have been refused").isNotNull();
        return e.problems().stream().map(ScenarioProblem::toString).toList();
    }

    @Test
    void aMinimalFileGetsTheLightPresetAndTheDocumentedDefaults() throws Exception {
        Scenario s = read(MINIMAL);

        assertThat(s.name()).isEqualTo("quick");
        assertThat(s.description()).isEmpty();
        assertThat(s.workload()).isEqualTo(new WorkloadSpec("hello", java.util.Optional.empty()));
        assertThat(s.server()).isEqualTo(ServerSettings.defaults("virtual-threads", 2));
        assertThat(s.load().profile()).isEqualTo(Preset.LIGHT);
        assertThat(s.load().connections()).isEqualTo(10);
        assertThat(s.load().model()).isEqualTo(LoadModel.CLOSED);
        assertThat(s.load().schedule()).isEqualTo(Schedule.CONSTANT);
        assertThat(s.load().rateRps()).isZero();
        assertThat(s.load().duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.load().warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.load().threads()).isEqualTo(1);
        assertThat(s.load().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.load().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.load().request()).isEqualTo(RequestTemplate.defaults());
        assertThat(s.load().jobs()).isEqualTo(10);
        assertThat(s.load().concurrentJobs()).isEqualTo(5);
        assertThat(s.telemetry()).isEqualTo(TelemetrySettings.defaults());
        assertThat(s.thresholds()).isEmpty();
        assertThat(s.summary()).isEqualTo(
                "virtual-threads · hello · light: 10 connections, closed model, 30s + 5s warm-up · no thresholds");
    }

    @Test
    void readsEveryFieldOfAFullFile() throws Exception {
        Files.writeString(dir.resolve("payload.json"), "{\"x\":1}");
        Scenario s = read("""
                {
                  "$schema": "./scenario.schema.json",
                  "name": "queue storm",
                  "description": "atom queue under open load",
                  "server": {"variant": "event-loop", "threads": 3, "bindAddress": "0.0.0.0", "port": 8080,
                             "keepAliveIdle": "5s", "headerReadTimeout": "2s", "gracefulStop": "1s", "maxThreads": 64,
                             "maxRequestLineBytes": 4096, "maxHeaderBytes": 8192, "maxBodyBytes": 2048},
                  "workload": "queue:atom",
                  "load": {"profile": "heavy", "model": "open", "connections": 50, "rateRps": 100,
                           "schedule": "ramp", "stages": [{"duration": "10s", "rateRps": 1000}, {"duration": "5s", "rateRps": 2000.5}],
                           "duration": "1m", "warmup": "0s", "keepAlive": false, "threads": 4,
                           "connectTimeout": "1s", "timeout": "3s", "thinkTime": "0s",
                           "request": {"headers": {"X-Run": "storm"}},
                           "mix": [{"weight": 3, "method": "POST", "path": "/json/{timeInQueueMs}", "bodyFile": "payload.json"},
                                   {"path": "/status", "headers": {"Accept": "application/json"}}],
                           "jobs": 7, "concurrentJobs": 7},
                  "telemetry": {"enabled": true, "lockThreshold": "0s", "sleepThreshold": "5ms",
                                "executionSamplePeriod": "10ms", "saveRecording": false},
                  "thresholds": {"summary.latencyMs.p99": ["< 50", ">= 0"], "findings.red": "==0", "jobs.completed": "> 1"}
                }
                """);

        assertThat(s.server()).isEqualTo(new ServerSettings("event-loop", 3, "0.0.0.0", 8080, Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(1), 64, 4096, 8192, 2048, Map.of()));
        assertThat(s.workload().toString()).isEqualTo("queue:atom");
        LoadSettings load = s.load();
        assertThat(load.stages()).containsExactly(
                new RampStage(Duration.ofSeconds(10), 1000), new RampStage(Duration.ofSeconds(5), 2000.5));
        assertThat(load.rateRps()).isEqualTo(100);
        assertThat(load.keepAlive()).isFalse();
        assertThat(load.request().headers()).containsExactly(Map.entry("X-Run", "storm"));
        assertThat(load.mix()).containsExactly(
                new WeightedRequest(3, new RequestTemplate("POST", "/json/{timeInQueueMs}", Map.of("X-Run", "storm"),
                        new RequestBody.FromFile(dir.resolve("payload.json").toAbsolutePath()))),
                new WeightedRequest(1, new RequestTemplate("GET", "/status",
                        Map.of("X-Run", "storm", "Accept", "application/json"), RequestBody.NONE)));
        assertThat(load.jobs()).isEqualTo(7);
        assertThat(s.telemetry()).isEqualTo(new TelemetrySettings(true, Duration.ZERO, Duration.ofMillis(5),
                Duration.ofMillis(10), false, 85));
        assertThat(s.thresholds()).containsExactly(
                new Threshold("summary.latencyMs.p99", Comparison.LESS, 50),
                new Threshold("summary.latencyMs.p99", Comparison.GREATER_OR_EQUAL, 0),
                new Threshold("findings.red", Comparison.EQUAL, 0),
                new Threshold("jobs.completed", Comparison.GREATER, 1));
        assertThat(s.summary()).isEqualTo("event-loop · queue:atom · heavy: 50 connections, open model ramping to"
                + " 2000.5 rps in 2 stages, a mix of 2 requests, 1m · 4 thresholds");
    }

    @Test
    void aValueOutOfRangeNamesFileLineColumnFieldValueAndRange() {
        assertThat(problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads"},
                  "workload": "hello",
                  "load": {
                    "profile": "light",
                    "connections": -5
                  }
                }
                """)).containsExactly("quick.json:7:20: load.connections: -5 (expected: 1..100000)");
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatTypeWasExpected() {
        assertThat(problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads", "threads": "four", "port": 80.5},
                  "workload": "hello",
                  "load": {"connections": "50", "keepAlive": "yes", "rateRps": true, "request": []},
                  "telemetry": 5
                }
                """)).containsExactly(
                "quick.json:3:55: server.threads: \"four\" (expected: an integer)",
                "quick.json:3:71: server.port: 80.5 (expected: an integer)",
                "quick.json:5:27: load.connections: \"50\" (expected: an integer, without quotes)",
                "quick.json:5:46: load.keepAlive: \"yes\" (expected: true or false, without quotes)",
                "quick.json:5:64: load.rateRps: true (expected: a number)",
                "quick.json:5:81: load.request: [...] (expected: an object, {...})",
                "quick.json:6:16: telemetry: 5 (expected: an object, {...})");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheNearestName() {
        assertThat(problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads"},
                  "workload": "hello",
                  "load": {"conections": 50, "Duration": "5s"},
                  "telemtry": {}
                }
                """)).containsExactly(
                "quick.json:5:12: load.conections: unknown field (did you mean 'connections'?)",
                "quick.json:5:30: load.Duration: unknown field (did you mean 'duration'?)",
                "quick.json:6:3: telemtry: unknown field (did you mean 'telemetry'?)");
    }

    @Test
    void anUnknownFieldFarFromAnyNameListsTheNames() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "telemetry": {"colour": "red"}}
                """)).containsExactly("quick.json:2:16: telemetry.colour: unknown field (expected one of: "
                + "enabled, lockThreshold, sleepThreshold, executionSamplePeriod, saveRecording, heapGuardPct)");
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        assertThat(problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads",},
                  "workload": "hello"
                }
                """)).containsExactly("quick.json:3:43: JSON syntax error: Unexpected character ('}' (character 125)):"
                + " was expecting double-quote to start field name (JSON allows no comma before a closing } or ])");
    }

    @Test
    void commentsAndSingleQuotesGetAPlainExplanation() {
        assertThat(problems("{\"name\": \"c\", // why\n}")).containsExactly("quick.json:1:15: JSON syntax error:"
                + " Unexpected character ('/'): JSON has no comments (the \"description\" field can hold notes)");
        assertThat(problems("{'name': 'c'}")).containsExactly("quick.json:1:2: JSON syntax error: Unexpected character"
                + " (''' (character 39)): was expecting double-quote to start field name (field names need double"
                + " quotes in JSON)");
    }

    @Test
    void anObjectOfTheWrongTypeIsOneProblemNotOnePerFieldItShouldHold() {
        assertThat(problems("""
                {"name": "quick", "server": "virtual-threads", "workload": "hello", "load": {"mix": {"path": "/"}}}
                """)).containsExactly(
                "quick.json:1:29: server: \"virtual-threads\" (expected: an object, {...})",
                "quick.json:1:85: load.mix: {...} (expected: a list of objects, [{...}])");
    }

    @Test
    void aTruncatedFileSaysWhereTheOpenObjectStarted() {
        assertThat(problems("{\n  \"name\": \"quick\",\n  \"load\": {\n")).containsExactly(
                "quick.json:4:1: JSON syntax error: Unexpected end-of-input: expected close marker for Object"
                        + " (start marker at line 3, column 11)");
    }

    @Test
    void anEmptyFileOrANonObjectIsRefused() {
        assertThat(problems("")).containsExactly("quick.json:1:1: the file is empty (expected: a JSON object, {...})");
        assertThat(problems("  [1, 2]")).containsExactly("quick.json:1:3: [...] (expected: a JSON object, {...})");
        assertThat(problems("{} {}")).containsExactly(
                "quick.json:1:4: more after the scenario's closing } (expected: the end of the file)");
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndReadingGoesOn() {
        assertThat(problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads"},
                  "workload": "hello",
                  "name": "again",
                  "load": {"connections": 0}
                }
                """)).containsExactly(
                "quick.json:5:3: name: this field is given twice (also at line 2, column 3; expected: once)",
                "quick.json:6:27: load.connections: 0 (expected: 1..100000)");
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"duration": "5 parsecs", "warmup": 1, "timeout": "0ms"}}
                """)).containsExactly(
                "quick.json:2:23: load.duration: \"5 parsecs\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m;"
                        + " units: ns, us, ms, s, m, h)",
                "quick.json:2:46: load.warmup: 1 (expected: a duration in quotes with a unit, e.g. \"30s\" or \"250ms\")",
                "quick.json:2:60: load.timeout: \"0ms\" (expected: 1ms..10m)");
    }

    @Test
    void aBadThresholdOperatorOrMetricIsNamed() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "thresholds": {
                   "summary.latencyMs.p99": "=< 50",
                   "summary.latencyMS.p99": "< 50",
                   "findings.red": ["== 0", 0, "!= 1"]
                 }}
                """)).containsExactly(
                "quick.json:3:29: thresholds.summary.latencyMs.p99: \"=< 50\" (expected: an operator <, <=, >, >= or =="
                        + " and a number, e.g. \"< 50\")",
                "quick.json:4:4: thresholds.summary.latencyMS.p99: unknown metric (expected: a numeric result.json path"
                        + " such as summary.latencyMs.p99, or findings.red / findings.yellow;"
                        + " did you mean 'summary.latencyMs.p99'?)",
                "quick.json:5:29: thresholds.findings.red[1]: 0 (expected: a condition in quotes, e.g. \"< 50\","
                        + " or a list of them)",
                "quick.json:5:32: thresholds.findings.red[2]: \"!= 1\" (expected: an operator <, <=, >, >= or =="
                        + " and a number, e.g. \"< 50\")");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(problems("""
                {
                  "description": "nothing that matters",
                  "server": {"threads": 2}
                }
                """)).containsExactly(
                "quick.json:1:1: name: missing (expected: 1 to 80 characters, without control characters, / or \\)",
                "quick.json:1:1: workload: missing (expected: a workload name[:parameter], e.g. hello, sleep:1ms,"
                        + " cpu:50us, alloc:16KiB, queue:atom, fail:10%)",
                "quick.json:3:13: server.variant: missing (expected: a server variant name, e.g. virtual-threads)");
    }

    @Test
    void everyProblemOfAFileIsReportedInFileOrder() {
        List<String> found = problems("""
                {
                  "name": "quick",
                  "server": {"variant": "virtual-threads", "thread": 4, "port": 70000},
                  "workload": "sleep 1ms",
                  "load": {"profile": "medium", "connections": -5, "duration": "5 parsecs", "rateRps": 100},
                  "telemetry": {"lockThreshold": "1 ms"}
                }
                """);
        assertThat(found).containsExactly(
                "quick.json:3:44: server.thread: unknown field (did you mean 'threads'?)",
                "quick.json:3:65: server.port: 70000 (expected: 0..65535)",
                "quick.json:4:15: workload: \"sleep 1ms\" (expected: a workload name[:parameter], e.g. hello, sleep:1ms,"
                        + " cpu:50us, alloc:16KiB, queue:atom, fail:10%)",
                "quick.json:5:23: load.profile: \"medium\" (expected: one of light, heavy, stress)",
                "quick.json:5:48: load.connections: -5 (expected: 1..100000)",
                "quick.json:5:64: load.duration: \"5 parsecs\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m;"
                        + " units: ns, us, ms, s, m, h)",
                "quick.json:5:88: load.rateRps: 100 (expected: no rate with the closed model;"
                        + " set load.model to \"open\" for a fixed arrival rate)",
                "quick.json:6:34: telemetry.lockThreshold: \"1 ms\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m;"
                        + " units: ns, us, ms, s, m, h)");
    }

    @Test
    void rulesThatRelateFieldsPointAtTheFieldTheUserWrote() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"model": "open", "thinkTime": "10ms", "threads": 20}}
                """)).containsExactly(
                "quick.json:2:10: load.rateRps: missing (expected: a rate above 0 and at most 10000000 requests"
                        + " per second with the open model)",
                "quick.json:2:41: load.thinkTime: \"10ms\" (expected: 0s with the open model; think time paces the closed model)",
                "quick.json:2:60: load.threads: 20 (expected: at most load.connections (10))");
    }

    @Test
    void aRampNeedsStagesThatFitInTheDuration() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"model": "open", "schedule": "ramp", "duration": "10s",
                          "stages": [{"duration": "8s", "rateRps": 10}, {"duration": "4s", "rateRps": 20}]}}
                """)).containsExactly("quick.json:3:21: load.stages: (12s in all) (expected: stages that fit in"
                + " load.duration (10s))");
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"model": "open", "schedule": "ramp", "stages": [{"duration": "8s"}, 5]}}
                """)).containsExactly(
                "quick.json:2:59: load.stages[0].rateRps: missing (expected: 0..10000000)",
                "quick.json:2:79: load.stages[1]: 5 (expected: an object, {...})");
    }

    @Test
    void theClosedModelTakesNoArrivalSchedule() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"schedule": "poisson"}}
                """)).containsExactly("quick.json:2:23: load.schedule: \"poisson\" (expected: \"constant\" with the"
                + " closed model; ramp and poisson shape the open model's arrivals)");
    }

    @Test
    void bodyAndBodyFileAreCheckedAgainstEachOtherAndTheDisk() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"body": "x", "bodyFile": "x.json"}}}
                """)).containsExactly("quick.json:2:48: load.request.bodyFile: \"x.json\" (expected: either body or"
                + " bodyFile, not both)");
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"method": "POST", "bodyFile": "nope.json"}}}
                """)).containsExactly("quick.json:2:53: load.request.bodyFile: \"nope.json\" (expected: a file next to"
                + " the scenario; " + dir.resolve("nope.json").toAbsolutePath() + " does not exist)");
    }

    @Test
    void withAMixTheSharedRequestHoldsOnlyHeaders() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"path": "/a"}, "mix": [{"path": "/b"}]}}
                """)).containsExactly(
                "quick.json:2:22: load.request: (GET /a) (expected: only headers in load.request when load.mix is given;"
                        + " they apply to every entry)");
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"mix": [{"path": "/b", "weight": 0}, {"path": "/c", "weight": 2, "method": "post"}]}}
                """)).containsExactly(
                "quick.json:2:44: load.mix[0].weight: 0 (expected: 1..1000)",
                "quick.json:2:86: load.mix[1].method: \"post\" (expected: an HTTP method in capitals, e.g. GET or POST)");
    }

    @Test
    void headersMustBeStringsAndNotTheOnesTheGeneratorSets() {
        assertThat(problems("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"headers": {"Host": "x", "X-Count": 3, "Bad Name": "v"}}}}
                """)).containsExactly(
                "quick.json:2:35: load.request.headers.Host: \"Host\" (expected: a header other than Host,"
                        + " Content-Length, Connection or Transfer-Encoding, which the load generator sets)",
                "quick.json:2:48: load.request.headers.X-Count: 3 (expected: a header value, in quotes)",
                "quick.json:2:62: load.request.headers.Bad Name: \"Bad Name\" (expected: a header name: letters,"
                        + " digits and !#$%&'*+.^_`|~-)");
    }

    @Test
    void theWorkloadIsCheckedAgainstTheRegistry() {
        ScenarioReader standard = new ScenarioReader(dev.loupe.engine.run.RunCatalog.installed());
        assertThat(problems(standard, MINIMAL.replace("\"hello\"", "\"helo\""))).containsExactly(
                "quick.json:4:15: workload: \"helo\" (expected: a workload, one of "
                        + dev.loupe.engine.server.workload.Workloads.all().stream()
                                .map(dev.loupe.engine.server.workload.Workload::name)
                                .collect(java.util.stream.Collectors.joining(", "))
                        + "; did you mean 'hello'?)");
        assertThat(problems(standard, MINIMAL.replace("\"hello\"", "\"hello:3\""))).containsExactly(
                "quick.json:4:15: workload: \"hello:3\" (expected: just 'hello')");
    }

    @Test
    void theVariantIsCheckedAgainstTheRegistryOnlyWhenOneIsKnown() throws Exception {
        String json = MINIMAL.replace("virtual-threads", "virtual-thread");
        assertThat(read(json).server().variant()).isEqualTo("virtual-thread");

        ScenarioReader strict = new ScenarioReader(ScenarioCatalog.of(List.of("event-loop", "virtual-threads"), dev.loupe.engine.server.workload.Workloads.all().stream().map(dev.loupe.engine.server.workload.Workload::name).toList()));
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> strict.read(json, "quick.json", dir, Overrides.none()));
        assertThat(e.problems()).map(ScenarioProblem::toString).containsExactly(
                "quick.json:3:25: server.variant: \"virtual-thread\" (expected: one of event-loop, virtual-threads;"
                        + " did you mean 'virtual-threads'?)");
    }

    @Test
    void theDefaultReaderFollowsWhateverVariantsAreRegistered() throws Exception {
        List<String> registered = dev.loupe.engine.server.ServerVariants.all().stream()
                .map(dev.loupe.engine.server.ServerVariant::name).toList();
        String json = MINIMAL.replace("virtual-threads", "no-such-variant");
        ScenarioReader standard = new ScenarioReader(dev.loupe.engine.run.RunCatalog.installed());
        if (registered.isEmpty()) {
            assertThat(standard.read(json, "quick.json", dir, Overrides.none()).server().variant())
                    .isEqualTo("no-such-variant");
        } else {
            InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                    () -> standard.read(json, "quick.json", dir, Overrides.none()));
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("quick.json:3:25: server.variant: \"no-such-variant\" (expected: one of ");
        }
    }

    @Test
    void aMissingFileAFolderAndAnUnreadableFileEachGetOneClearLine() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThat(fileProblems(missing)).containsExactly(missing + ": no such file");
        assertThat(fileProblems(dir)).containsExactly(dir + ": is a folder (expected: a scenario file, e.g. "
                + dir.resolve("quick.json") + ")");

        Path locked = Files.writeString(dir.resolve("locked.json"), MINIMAL);
        if (locked.toFile().setReadable(false) && !Files.isReadable(locked)) { // root reads anything
            assertThat(fileProblems(locked)).containsExactly(locked + ": cannot be read (permission denied)");
        }
    }

    @Test
    void aFileTooLargeIsNotRead() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ScenarioReader.MAX_FILE_BYTES + 1]);
        assertThat(fileProblems(big)).containsExactly(big + ": is 1048577 bytes (expected: a scenario file of at most"
                + " 1048576 bytes)");
    }

    @Test
    void aGoodFileOnDiskReadsWithItsOwnNameAsSource() throws Exception {
        Path file = Files.writeString(dir.resolve("quick.json"), MINIMAL.replace("\"hello\"", "\"cpu:50us\""));
        assertThat(reader.read(file).workload()).isEqualTo(new WorkloadSpec("cpu", java.util.Optional.of("50us")));
    }

    private List<String> fileProblems(Path file) {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> reader.read(file));
        assertThat(e).isNotNull();
        return e.problems().stream().map(ScenarioProblem::toString).toList();
    }
}

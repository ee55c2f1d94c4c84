package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioWriterTest {
    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(ScenarioCatalog.syntaxOnly());

    static List<Path> samples() {
        return SampleConfigs.scenarios();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleSurvivesReadWriteRead(Path sample) throws Exception {
        Scenario original = reader.read(sample);
        Path copy = dir.resolve(sample.getFileName());

        ScenarioWriter.withSchema("./scenario.schema.json").write(copy, original);

        assertThat(reader.read(copy)).isEqualTo(original);
    }

    @Test
    void aScenarioUsingEveryFeatureSurvivesWriteRead() throws Exception {
        Path payload = Files.writeString(dir.resolve("payload.json"), "{}");
        Scenario full = new Scenario("everything", "line one\nline \"two\"",
                new ServerSettings("event-loop", 3, "::1", 8080, Duration.ofMillis(1500), Duration.ofSeconds(2),
                        Duration.ZERO, 64, 4096, 8192, 0, Map.of("workers", "8", "executor", "virtual")),
                new WorkloadSpec("sleep", Optional.of("100us")),
                new LoadSettings(Preset.STRESS, LoadModel.OPEN, 77, 12.5, Schedule.RAMP,
                        List.of(new RampStage(Duration.ofSeconds(3), 100), new RampStage(Duration.ofMillis(250), 0.5)),
                        Duration.ofMinutes(2), Duration.ZERO, false, 0, 5, Duration.ofMillis(300), Duration.ofSeconds(3),
                        Duration.ZERO, new RequestTemplate("GET", "/", Map.of("X-Shared", "1"), RequestBody.NONE),
                        List.of(new WeightedRequest(3, new RequestTemplate("POST", "/json/{timeInQueueMs}",
                                        Map.of("X-Shared", "1"), new RequestBody.FromFile(payload))),
                                new WeightedRequest(1, new RequestTemplate("PUT", "/text",
                                        Map.of("X-Shared", "2", "Accept", "*/*"), new RequestBody.Text("héllo")))),
                        3, 2),
                new TelemetrySettings(false, Duration.ofNanos(500), Duration.ofMillis(3), Duration.ofMillis(10), false, 90),
                List.of(new Threshold("summary.latencyMs.p99", Comparison.LESS, 50),
                        new Threshold("summary.latencyMs.p99", Comparison.GREATER, 0.25),
                        new Threshold("findings.red", Comparison.EQUAL, 0)));
        Path file = dir.resolve("everything.json");

        ScenarioWriter.plain().write(file, full);

        assertThat(reader.read(file)).isEqualTo(full);
        assertThat(Files.readString(file)).contains("\"bodyFile\": \"payload.json\"");
    }

    @Test
    void writesPrettyJsonInAStableOrder() throws Exception {
        Scenario quick = reader.read("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"duration": "5s", "warmup": "1s"}, "thresholds": {"findings.red": "== 0"}}
                """, "quick.json", dir, Overrides.none());

        assertThat(ScenarioWriter.withSchema("./scenario.schema.json").toJson(quick, dir)).isEqualTo("""
                {
                  "$schema": "./scenario.schema.json",
                  "name": "quick",
                  "description": "",
                  "server": {
                    "variant": "virtual-threads",
                    "threads": 2,
                    "bindAddress": "127.0.0.1",
                    "port": 0,
                    "keepAliveIdle": "30s",
                    "headerReadTimeout": "10s",
                    "gracefulStop": "5s",
                    "maxThreads": 256,
                    "maxRequestLineBytes": 8192,
                    "maxHeaderBytes": 16384,
                    "maxBodyBytes": 1048576
                  },
                  "workload": "hello",
                  "load": {
                    "profile": "light",
                    "model": "closed",
                    "connections": 10,
                    "schedule": "constant",
                    "duration": "5s",
                    "warmup": "1s",
                    "keepAlive": true,
                    "leakConnections": 0,
                    "threads": 1,
                    "connectTimeout": "2s",
                    "timeout": "10s",
                    "thinkTime": "0s",
                    "request": {
                      "method": "GET",
                      "path": "/"
                    },
                    "jobs": 10,
                    "concurrentJobs": 5
                  },
                  "telemetry": {
                    "enabled": true,
                    "lockThreshold": "1ms",
                    "sleepThreshold": "1ms",
                    "executionSamplePeriod": "20ms",
                    "saveRecording": true,
                    "heapGuardPct": 85
                  },
                  "thresholds": {
                    "findings.red": "== 0"
                  }
                }
                """);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws Exception {
        Scenario quick = reader.read(SampleConfigs.folder().resolve("quick.json"));
        Path file = Files.writeString(dir.resolve("quick.json"), "old content");

        ScenarioWriter.plain().write(file, quick);

        assertThat(reader.read(file)).isEqualTo(quick);
        assertThat(list(dir)).containsExactly(file);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws Exception {
        Scenario quick = reader.read(SampleConfigs.folder().resolve("quick.json"));
        Path target = Files.createDirectory(dir.resolve("taken.json")); // a folder where the file should go
        Files.writeString(target.resolve("inside"), "keep me");

        assertThatThrownBy(() -> ScenarioWriter.plain().write(target, quick)).isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("keep me");
        assertThat(list(dir)).containsExactly(target);
        assertThatThrownBy(() -> ScenarioWriter.plain().write(dir.resolve("no/such/folder.json"), quick))
                .isInstanceOf(IOException.class);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}

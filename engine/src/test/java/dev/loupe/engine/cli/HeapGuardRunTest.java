package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap guard in a JVM of its own with a small heap, as a user would meet it: {@code loupe run} on
 * the {@code leak} workload stops early, reports red, exits 99, and the process never reaches an
 * OutOfMemoryError. The leak keeps at most a quarter of the heap, so the guard's limit is set below that.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HeapGuardRunTest {
    @TempDir
    Path tmp;

    private Process loupe(Path scenario, Path out, String... extra) throws Exception {
        return loupe("-Xmx64m", scenario, out, extra);
    }

    private Process loupe(String heap, Path scenario, Path out, String... extra) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(heap.split(" ")));
        command.addAll(List.of("-XX:+UseG1GC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", scenario.toString(), "--out", out.toString(), "-q"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("output.txt").toFile())
                .start();
    }

    private Path scenario(String workload, String duration) throws Exception {
        return Files.writeString(tmp.resolve("leak.json"), """
                {"name": "leak", "server": {"variant": "virtual-threads"}, "workload": "%s",
                 "load": {"connections": 8, "duration": "%s", "warmup": "0s"}}
                """.formatted(workload, duration));
    }

    @Test
    void aLeakPastTheGuardStopsTheRunRedAndTheProcessSurvives() throws Exception {
        Path out = tmp.resolve("run");
        Process p = loupe(scenario("leak:16KiB", "30s"), out, "--set", "telemetry.heapGuardPct=30");
        assertThat(p.waitFor(75, TimeUnit.SECONDS)).as("the guard ends a 30 s run early").isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));

        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(output).doesNotContain("OutOfMemoryError").contains("Heap guard stopped the run");
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.path("outcome").asText()).isEqualTo("stopped-by-guard");
        assertThat(result.path("summary").path("durationS").asDouble()).isLessThan(30);
        assertThat(result.path("findings").get(0).path("rule").asText()).isEqualTo("heap-guard");
        assertThat(result.path("findings").get(0).path("severity").asText()).isEqualTo("red");
        assertThat(out.resolve("SUMMARY.md")).content().contains("Stopped by a guard");
    }

    @Test
    void theControlTheSameSmallHeapAndLimitWithoutALeakCompletes() throws Exception {
        Path out = tmp.resolve("run");
        Process p = loupe(scenario("alloc:16KiB", "2s"), out, "--set", "telemetry.heapGuardPct=30");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));

        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.OK);
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(result.path("outcome").asText()).isEqualTo("completed");
        assertThat(result.path("telemetry").path("gc").path("pauses").asLong()).as("it did collect").isPositive();
    }

    /**
     * The leak sample with {@code workload}, 6 s in a small heap whose young generation of 8 MB collects
     * several times a second, so the trend of the heap after GC shows in seconds; 256 B a request stays
     * under the leak's cap (a quarter of the heap). Returns each finding as "rule severity".
     */
    private List<String> leakSampleFindings(String workload) throws Exception {
        Path out = tmp.resolve("run");
        Path sample = dev.loupe.engine.scenario.SampleConfigs.folder().resolve("leak.json");
        Process p = loupe("-Xmx512m -Xmn8m", sample, out, "--set", "workload=" + workload, "--duration", "6s",
                "--set", "load.warmup=1s");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(tmp.resolve("output.txt"));
        assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.OK);
        List<String> rules = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("findings")
                .forEach(f -> rules.add(f.path("rule").asText() + " " + f.path("severity").asText()));
        return rules;
    }

    @Test
    void theLeakSampleInASmallHeapFindsTheFloorRising() throws Exception {
        assertThat(leakSampleFindings("leak:256B")).containsAnyOf("heap-growth yellow", "heap-growth red");
    }

    @Test
    void theControlAllocationInTheSameSmallHeapIsAHealthySawtooth() throws Exception {
        assertThat(leakSampleFindings("alloc:256B")).contains("heap-sawtooth green").noneMatch(r -> r.startsWith("heap-growth"));
    }
}

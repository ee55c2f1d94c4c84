package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code loupe run} of a matrix or sweep: real short runs, a folder each, the comparison, failed runs, Ctrl+C. */
@Tag("timing")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GridRunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Runnable> onInterrupt = new AtomicReference<>();

    private Path scenario(String grid) throws Exception {
        return Files.writeString(tmp.resolve("grid.json"), """
                {"name": "grid", "server": {"variant": "thread-per-connection"}, "workload": "hello",
                 "load": {"connections": 2, "threads": 1, "duration": "1s", "warmup": "0s"},
                 "thresholds": {"summary.errorRatePct": "< 10"}, %s}
                """.formatted(grid));
    }

    private int run(String... args) {
        CommandLine cl = LoupeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        RunCommand command = cl.getSubcommands().get("run").getCommand();
        command.interrupts = action -> {
            onInterrupt.set(action);
            return () -> onInterrupt.set(null);
        };
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void aRunThatCannotStartAndOneThatFailsAThresholdAreMarkedAndTheOthersGoOn() throws Exception {
        Path folder = tmp.resolve("out");
        int code = run(scenario("""
                "matrix": {"workload": ["hello", "fail:50%"], "server.bindAddress": ["127.0.0.1", "192.0.2.1"]}""").toString(),
                "--out", folder.toString(), "-q", "--no-telemetry");

        assertThat(code).as("%s", err).isEqualTo(ExitCodes.INTERNAL_ERROR);
        JsonNode comparison = JSON.readTree(folder.resolve("comparison.json").toFile());
        assertThat(comparison.path("kind").asText()).isEqualTo("matrix");
        List<String> statuses = new ArrayList<>();
        comparison.path("cells").forEach(c -> statuses.add(c.path("status").asText()));
        assertThat(statuses).containsExactly("passed", "failed-to-run", "threshold-failed", "failed-to-run");
        assertThat(comparison.at("/cells/1/problem").asText()).contains("192.0.2.1");
        assertThat(comparison.at("/cells/0/throughputRps").asDouble()).isPositive();
        assertThat(comparison.at("/cells/1/throughputRps").isNull()).isTrue();
        assertThat(comparison.path("best").asInt()).as("one of the two that ran").isIn(1, 3);
        assertThat(folder.resolve("01-hello-bindAddress-127.0.0.1/result.json")).exists();
        assertThat(folder.resolve("03-fail-50-bindAddress-127.0.0.1/result.json")).exists();
        assertThat(folder.resolve("report.pdf")).isNotEmptyFile();
        assertThat(folder.resolve("report.html")).content().contains("Throughput per run");
        assertThat(folder.resolve("SUMMARY.md")).content().contains("# Loupe matrix: grid — 4 runs")
                .contains("✗ failed to run").contains("✗ threshold failed").contains("**2 runs failed to run**");
        assertThat(err.toString()).contains("loupe: run 2 of 4: workload=hello, server.bindAddress=192.0.2.1").contains("left in all");
    }

    @Test
    void aSweepThatPassesExits0WithItsScaling() throws Exception {
        Path folder = tmp.resolve("out");
        int code = run(scenario("\"sweep\": {\"path\": \"load.connections\", \"values\": [1, 2]}").toString(),
                "--out", folder.toString(), "-q", "--no-telemetry");

        assertThat(code).as("%s", err).isEqualTo(ExitCodes.OK);
        JsonNode comparison = JSON.readTree(folder.resolve("comparison.json").toFile());
        assertThat(comparison.path("scaling")).hasSize(2);
        assertThat(comparison.at("/scaling/1/ideal").asDouble()).isEqualTo(2.0);
        assertThat(out.toString()).contains("## Scaling").contains("run folder: " + folder);
    }

    @Test
    void ctrlCStopsTheRunInProgressSkipsTheRestAndComparesWhatRan() throws Exception {
        Path folder = tmp.resolve("out");
        Path scenario = scenario("\"sweep\": {\"path\": \"load.connections\", \"values\": [1, 2, 3]}");
        Thread pressCtrlC = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(folder.resolve("02-connections-2/journal.jsonl")) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Runnable action = onInterrupt.get();
                if (action != null) {
                    action.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        int code = run(scenario.toString(), "--out", folder.toString(), "-q", "--no-telemetry", "--set", "load.duration=3s");
        pressCtrlC.join();

        assertThat(code).as("%s", err).isEqualTo(ExitCodes.INTERRUPTED);
        JsonNode comparison = JSON.readTree(folder.resolve("comparison.json").toFile());
        List<String> statuses = new ArrayList<>();
        comparison.path("cells").forEach(c -> statuses.add(c.path("status").asText()));
        assertThat(statuses).containsExactly("passed", "interrupted", "not-run");
        assertThat(folder.resolve("SUMMARY.md")).content().contains("**Interrupted:** 2 of 3 runs ran, the last of them only in part");
        assertThat(folder.resolve("02-connections-2/result.json")).exists();
        assertThat(folder.resolve("03-connections-3")).doesNotExist();
    }
}

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code loupe run} in-process: real short runs on loopback, the run folder, the exit codes. */
@Tag("timing")
@Timeout(120)
class RunCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Runnable> onInterrupt = new AtomicReference<>();

    private Path scenario(String load) throws Exception {
        return Files.writeString(tmp.resolve("s.json"), """
                {"name": "short", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": %s, "thresholds": {"summary.errorRatePct": "< 1"}}
                """.formatted(load));
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
    void aRunWritesTheWholeFolderAndPassesItsThresholds() throws Exception {
        Path folder = tmp.resolve("out");
        Path junit = tmp.resolve("junit.xml");
        int code = run(scenario("{\"connections\": 2, \"threads\": 1, \"duration\": \"1s\", \"warmup\": \"0s\"}").toString(),
                "--out", folder.toString(), "--junit", junit.toString(), "-q");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("result.json")).exists();
        assertThat(folder.resolve("SUMMARY.md")).content().contains("# Loupe run: short — completed");
        assertThat(folder.resolve("latency.hlog")).exists();
        for (String document : List.of("intervals.csv", "report.pdf", "report.html")) {
            assertThat(folder.resolve(document)).as(document).isNotEmptyFile();
        }
        assertThat(folder.resolve("journal.jsonl")).content().contains("\"type\":\"end\"");
        assertThat(folder.resolve("run.log")).content().contains("finished: COMPLETED");
        assertThat(junit).content().contains("<testsuite");
        JsonNode result = new ObjectMapper().readTree(folder.resolve("result.json").toFile());
        assertThat(result.at("/summary/requests").asLong()).isPositive();
        assertThat(result.at("/thresholds/0/passed").asBoolean()).isTrue();
        assertThat(out.toString()).contains("short: completed").contains("thresholds: 1 passed, 0 failed");
    }

    @Test
    void aFailedThresholdExits99AndSaysWhich() throws Exception {
        int code = run(scenario("{\"connections\": 1, \"threads\": 1, \"duration\": \"1s\", \"warmup\": \"0s\"}").toString(),
                "--out", tmp.resolve("out").toString(), "--threshold", "summary.requests<1", "-q");
        assertThat(code).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(out.toString()).contains("FAILED summary.requests < 1: actual");
    }

    @Test
    void badInputExits2BeforeAnythingRuns() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"name\": \"x\", \"server\": {\"variant\": \"nope\"}}");
        assertThat(run(bad.toString(), "--out", tmp.resolve("o1").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("server.variant: \"nope\"").contains("workload: missing");
        assertThat(tmp.resolve("o1")).doesNotExist();

        Path good = scenario("{\"duration\": \"1s\"}");
        Path fileInTheWay = Files.writeString(tmp.resolve("taken"), "x");
        assertThat(run(good.toString(), "--out", fileInTheWay.resolve("sub").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("cannot create the run folder");

        Path folderInTheWay = Files.createDirectories(tmp.resolve("o2").resolve("report.pdf"));
        assertThat(run(good.toString(), "--out", tmp.resolve("o2").toString())).as("an output that cannot be written")
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(folderInTheWay + " is a folder where the run writes a file");
        assertThat(tmp.resolve("o2").resolve("result.json")).as("refused before the run").doesNotExist();

        assertThat(run(good.toString(), "--threshold", "summary.latencyMs.p99 ~ 5")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--threshold summary.latencyMs.p99 ~ 5");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void ctrlCStopsTheRunWritesTheFolderAndExits130() throws Exception {
        Path folder = tmp.resolve("out");
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                while (onInterrupt.get() == null) {
                    Thread.sleep(20);
                }
                Thread.sleep(1500);
                onInterrupt.get().run(); // what the JVM's shutdown hook does on SIGINT
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long startNs = System.nanoTime();
        int code = run(scenario("{\"connections\": 2, \"threads\": 1, \"duration\": \"60s\", \"warmup\": \"0s\"}").toString(),
                "--out", folder.toString(), "-q");
        interrupter.join(10_000);
        assertThat(code).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(System.nanoTime() - startNs).isLessThan(30_000_000_000L);
        assertThat(folder.resolve("SUMMARY.md")).content().contains("interrupted");
        assertThat(new ObjectMapper().readTree(folder.resolve("result.json").toFile()).at("/outcome").asText())
                .isEqualTo("interrupted");
    }

    @Test
    void aRedFindingFailsTheFindingsRedThresholdAndTheConsoleSaysWhatToTry() throws Exception {
        Path blocked = Files.writeString(tmp.resolve("blocked.json"), """
                {"name": "blocked", "server": {"variant": "event-loop", "threads": 1}, "workload": "sleep:1ms",
                 "load": {"connections": 20, "duration": "2s", "warmup": "500ms"}}
                """);
        int code = run(blocked.toString(), "--out", tmp.resolve("red").toString(), "--threshold", "findings.red==0");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(out.toString()).contains("RED    Dispatch is blocked")
                .contains("try: Move the blocking call off the event loop")
                .contains("FAILED findings.red == 0");

        // Control: the same threshold on a healthy run passes.
        int healthy = run(scenario("{\"connections\": 2, \"threads\": 1, \"duration\": \"1s\", \"warmup\": \"0s\"}").toString(),
                "--out", tmp.resolve("green").toString(), "--threshold", "findings.red==0", "-q");
        assertThat(healthy).as(err.toString()).isEqualTo(ExitCodes.OK);
    }
}

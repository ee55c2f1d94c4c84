package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.engine.report.RunRebuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loupe report DIR}: a finished run rebuilt to the same files, a run killed with SIGKILL in a
 * JVM of its own rebuilt from its journal alone and marked partial, and folders that cannot be rebuilt.
 */
@Tag("timing")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path scenario(String workload, String duration) throws Exception {
        return Files.writeString(tmp.resolve("cpu.json"), """
                {"name": "busy", "server": {"variant": "fixed-pool"}, "workload": "%s",
                 "load": {"connections": 4, "threads": 1, "duration": "%s", "warmup": "1s"},
                 "thresholds": {"summary.errorRatePct": "< 1"}}
                """.formatted(workload, duration));
    }

    @Test
    void aFinishedRunIsRebuiltToTheSameFiles() throws Exception {
        Path folder = tmp.resolve("run");
        CliRun run = CliRun.of("run", scenario("cpu:200us", "3s").toString(), "--out", folder.toString(), "-q",
                "--threshold", "summary.requests>1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Map<String, String> before = new HashMap<>();
        for (String name : List.of("result.json", "SUMMARY.md", "intervals.csv")) {
            before.put(name, Files.readString(folder.resolve(name)));
        }
        for (String name : RunRebuild.files()) {
            Files.deleteIfExists(folder.resolve(name));
        }

        CliRun report = CliRun.of("report", folder.toString());

        assertThat(report.exitCode()).as(report.err() + report.out()).isEqualTo(ExitCodes.OK);
        for (String name : before.keySet()) {
            assertThat(folder.resolve(name)).as(name).hasContent(before.get(name));
        }
        for (String name : RunRebuild.files()) {
            assertThat(folder.resolve(name)).as(name).exists();
        }
        assertThat(folder.resolve("flame.collapsed")).isNotEmptyFile();
        long fromRecording = samples(folder.resolve("flame.collapsed"));

        Files.delete(folder.resolve("recording.jfr"));
        CliRun fromJournal = CliRun.of("report", folder.toString());

        assertThat(fromJournal.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(folder.resolve("result.json")).hasContent(before.get("result.json"));
        assertThat(folder.resolve("run.log")).content().contains("flame graphs from journal.jsonl's stacks");
        // the journal counts the samples within the run, the recording a little before and after it too
        assertThat(fromRecording).isPositive();
        assertThat((double) samples(folder.resolve("flame.collapsed"))).isBetween(0.8 * fromRecording, 1.0 * fromRecording);
        assertThat(report.out()).contains("busy: completed").contains("thresholds: 2 passed, 0 failed")
                .contains("rebuilt from");
        assertThat(folder.resolve("run.log")).content().contains("rebuilt from journal.jsonl");
    }

    @Test
    void aThresholdGivenToReportIsJudgedAndFailsWith99() throws Exception {
        Path folder = tmp.resolve("run");
        CliRun run = CliRun.of("run", scenario("hello", "1s").toString(), "--out", folder.toString(), "-q",
                "--no-telemetry");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);

        CliRun passing = CliRun.of("report", folder.toString());
        CliRun failing = CliRun.of("report", folder.toString(), "--threshold", "summary.requests<1",
                "--junit", tmp.resolve("junit.xml").toString());

        assertThat(passing.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(failing.out()).contains("FAILED summary.requests < 1");
        assertThat(tmp.resolve("junit.xml")).content().contains("summary.requests &lt; 1");
    }

    @Test
    void aRunKilledMidRunIsRebuiltFromItsJournalAndMarkedPartial() throws Exception {
        Path folder = tmp.resolve("killed");
        Process p = loupeRun(scenario("cpu:200us", "60s"), folder);
        Path journal = folder.resolve("journal.jsonl");
        try {
            // a checkpoint comes every 5 s of telemetry and the CPU workload gives the server's threads samples
            awaitLines(journal, Duration.ofSeconds(60), "\"type\":\"checkpoint\"", "\"cpu\":[[");
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no end line, no recording.jfr
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(journal).content().doesNotContain("\"type\":\"end\"");
        assertThat(folder.resolve("recording.jfr")).as("JFR writes the recording only when the run ends").doesNotExist();
        assertThat(folder.resolve("result.json")).doesNotExist();
        long seconds = Files.readAllLines(journal).stream().filter(l -> l.startsWith("{\"type\":\"interval\"")).count();

        CliRun report = CliRun.of("report", folder.toString());

        assertThat(report.exitCode()).as(report.err() + report.out()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).contains("busy: crashed").contains("partial:");
        JsonNode result = JSON.readTree(folder.resolve("result.json").toFile());
        assertThat(result.path("outcome").asText()).isEqualTo("crashed");
        assertThat(result.path("summary").path("requests").asLong()).isPositive();
        assertThat(result.path("summary").path("latencyMs").path("p99").asDouble()).isPositive();
        assertThat(result.path("telemetry").path("evidence").path("hotFrames").size())
                .as("the checkpoint keeps the evidence").isPositive();
        assertThat(result.path("intervals").size()).isBetween((int) seconds - 1, (int) seconds);
        assertThat(result.path("notes").toString()).contains("its last second ends at");
        assertThat(folder.resolve("SUMMARY.md")).content().contains("crashed (partial report)").contains("Partial report");
        assertThat(Files.readAllLines(folder.resolve("intervals.csv"))).hasSize((int) seconds + 1);
        List<String> flame = Files.readAllLines(folder.resolve("flame.collapsed"));
        assertThat(flame).isNotEmpty().allMatch(line -> line.matches(".+ \\d+"));
        assertThat(String.join("\n", flame)).as("the server's CPU workload is in the graph").contains("dev.loupe.engine.server");
        assertThat(folder.resolve("flame.html")).content().contains("<html");
        assertThat(folder.resolve("run.log")).content().contains("flame graphs from journal.jsonl's stacks");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Partial report").contains("Crashed");
        }
        assertThat(folder.resolve("report.html")).content().contains("Partial report");
    }

    @Test
    void aFolderThatIsNotARunFolderIsRefusedWithExit2() throws Exception {
        CliRun missing = CliRun.of("report", tmp.resolve("nowhere").toString());
        Files.createDirectories(tmp.resolve("empty"));
        CliRun empty = CliRun.of("report", tmp.resolve("empty").toString());
        Files.createDirectories(tmp.resolve("headless"));
        Files.writeString(tmp.resolve("headless/journal.jsonl"), "{\"type\":\"interval\",\"startMs\":0,\"endM");
        CliRun headless = CliRun.of("report", tmp.resolve("headless").toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nowhere does not exist (expected: a run folder").doesNotContain("Exception");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("has no journal.jsonl");
        assertThat(headless.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(headless.err()).contains("has no readable start line");
        assertThat(tmp.resolve("empty/result.json")).doesNotExist();
    }

    /** The samples a collapsed file adds up to. */
    private static long samples(Path collapsed) throws Exception {
        return Files.readAllLines(collapsed).stream()
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private Process loupeRun(Path scenario, Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", scenario.toString(),
                "--out", out.toString(), "-q"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("output.txt").toFile())
                .start();
    }

    /** Waits until {@code file} holds every one of {@code needles}, at most {@code limit}. */
    private void awaitLines(Path file, Duration limit, String... needles) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (List.of(needles).stream().allMatch(text::contains)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("within " + limit + ", " + file + " did not get all of " + List.of(needles)
                + "; the run printed: " + Files.readString(tmp.resolve("output.txt")));
    }
}

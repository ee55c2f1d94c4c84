package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe compare}: real runs on loopback, a real regression, a run against itself, bad input. */
@Tag("timing")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompareCommandTest {
    @TempDir
    Path tmp;

    private Path run(String name, String workload) throws Exception {
        Path scenario = Files.writeString(tmp.resolve(name + ".json"), """
                {"name": "sleepy", "server": {"variant": "thread-per-connection"}, "workload": "%s",
                 "load": {"connections": 4, "threads": 1, "duration": "8s", "warmup": "1s"}}
                """.formatted(workload));
        Path folder = tmp.resolve(name);
        CliRun run = CliRun.of("run", scenario.toString(), "--out", folder.toString(), "-q", "--no-telemetry");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        return folder;
    }

    @Test
    void aHandlerThatSleepsTwiceAsLongIsARegressionAndARunAgainstItselfIsNot() throws Exception {
        Path base = run("base", "sleep:1ms");
        Path slower = run("slower", "sleep:2ms");

        CliRun regression = CliRun.of("compare", base.toString(), slower.toString(), "--json", tmp.resolve("c.json").toString(),
                "--md", tmp.resolve("c.md").toString(), "--html", tmp.resolve("c.html").toString(), "--pdf", tmp.resolve("c.pdf").toString());
        CliRun itself = CliRun.of("compare", base.toString(), "--", base.toString());

        assertThat(regression.exitCode()).as(regression.out() + regression.err()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(regression.out()).contains("✗ Verdict: regression").contains("throughput −")
                .containsPattern("summary.throughputRps \\| [0-9,.]+ req/s \\| [0-9,.]+ req/s \\| −[0-9.]+ % ✗ worse");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("c.json").toFile());
        assertThat(json.path("verdict").asText()).isEqualTo("regression");
        assertThat(json.path("basis").asText()).isEqualTo("seconds");
        assertThat(tmp.resolve("c.md")).content().isEqualTo(regression.out());
        assertThat(tmp.resolve("c.html")).content().contains("Verdict: regression", "summary.throughputRps").doesNotContain("<script");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(tmp.resolve("c.pdf").toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Verdict: regression", "Metrics", "Findings");
        }
        assertThat(itself.exitCode()).as(itself.out()).isEqualTo(ExitCodes.OK);
        assertThat(itself.out()).contains("= Verdict: no significant change");
    }

    @Test
    void runWithABaselineComparesRightAfterTheRunAndABadBaselineCostsNoRun() throws Exception {
        Path base = run("base", "sleep:1ms");
        Path scenario = Files.writeString(tmp.resolve("slower.json"), """
                {"name": "sleepy", "server": {"variant": "thread-per-connection"}, "workload": "sleep:2ms",
                 "load": {"connections": 4, "threads": 1, "duration": "8s", "warmup": "1s"}}
                """);

        CliRun slower = CliRun.of("run", scenario.toString(), "--out", tmp.resolve("after").toString(), "-q", "--no-telemetry",
                "--baseline", base.toString());
        CliRun bad = CliRun.of("run", scenario.toString(), "--out", tmp.resolve("never").toString(), "-q",
                "--baseline", tmp.resolve("nowhere").toString());

        assertThat(slower.exitCode()).as(slower.out()).isEqualTo(ExitCodes.THRESHOLD_FAILED);
        assertThat(slower.out()).contains("sleepy: completed").contains("✗ Verdict: regression");
        assertThat(tmp.resolve("after/baseline.md")).content().contains("✗ Verdict: regression");
        assertThat(tmp.resolve("after/baseline.json")).content().contains("\"verdict\": \"regression\"");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--baseline: ").contains("nowhere does not exist");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void pathsThatAreNotRunsAndSidesWithoutRunsAreRefusedWithExit2() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(tmp.resolve("not.json"), "{\"summary\": 3");

        CliRun missing = CliRun.of("compare", tmp.resolve("nowhere").toString(), tmp.resolve("empty").toString());
        CliRun empty = CliRun.of("compare", tmp.resolve("empty").toString(), tmp.resolve("empty").toString());
        CliRun broken = CliRun.of("compare", tmp.resolve("not.json").toString(), tmp.resolve("not.json").toString());
        CliRun noCandidate = CliRun.of("compare", "a", "b", "--");
        CliRun three = CliRun.of("compare", "a", "b", "c");
        CliRun badPct = CliRun.of("compare", "a", "b", "--max-regression", "lots");

        for (CliRun r : List.of(missing, empty, broken, noCandidate, three, badPct)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(missing.err()).contains("nowhere does not exist (expected: a run folder or its result.json)");
        assertThat(empty.err()).contains("has no result.json");
        assertThat(broken.err()).contains("not.json is not JSON");
        assertThat(noCandidate.err()).contains("no candidate runs after --");
        assertThat(three.err()).contains("3 runs and no --");
        assertThat(badPct.err()).contains("--max-regression lots (expected: a percentage");
    }
}

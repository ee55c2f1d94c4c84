package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
    private static RunResult with(RunResult r, LoadSummary summary, RunOutcome outcome, List<Finding> findings) {
        return new RunResult(r.scenario(), r.environment(), r.startedAt(), outcome, r.serverUrl(), summary,
                r.intervals(), r.latency(), r.uncorrectedLatency(), findings);
    }

    private static LoadSummary generator(LoadSummary s, GeneratorHealth g) {
        return new LoadSummary(s.requests(), s.durationS(), s.throughputRps(), s.errorRatePct(), s.errors(),
                s.connections(), s.latencyMs(), s.uncorrectedLatencyMs(), g);
    }

    @Test
    void aSaturatedGeneratorIsSaidPlainlyBeforeAnyNumber() {
        String md = SummaryMarkdown.render(RunReport.of(SeededRun.open()));

        int warning = md.indexOf("the load generator was saturated, so these results are unreliable");
        assertThat(warning).isPositive();
        assertThat(warning).isLessThan(md.indexOf("| metric | value |")).isLessThan(md.indexOf("## Latency"));
        assertThat(md).startsWith("# Loupe run: checkout & cart — completed\n\n> **⚠ Warning");
    }

    @Test
    void aGeneratorThatKeptUpGetsNoWarning() {
        RunResult base = SeededRun.open();
        String kept = SummaryMarkdown.render(RunReport.of(with(base, generator(base.summary(), GeneratorHealth.OK),
                RunOutcome.COMPLETED, base.findings())));
        String caughtUp = SummaryMarkdown.render(RunReport.of(with(base,
                generator(base.summary(), new GeneratorHealth(40, false)), RunOutcome.COMPLETED, base.findings())));

        assertThat(kept).doesNotContain("unreliable").contains("| generator | kept to its schedule |");
        assertThat(caughtUp).doesNotContain("unreliable").contains("| generator | behind schedule for 40 ms, then caught up |");
    }

    @Test
    void theOpenModelShowsUncorrectedLatencyBesideCorrected() {
        String open = SummaryMarkdown.render(RunReport.of(SeededRun.open()));
        String closed = SummaryMarkdown.render(RunReport.of(SeededRun.closedInterrupted()));

        assertThat(open).contains("| | corrected | uncorrected |", "| p99 | 56.8 ms | 4.76 ms |", "| max | 1.40 s | 4.80 ms |");
        assertThat(closed).contains("| | latency |", "| p99 | 397 µs |").doesNotContain("uncorrected |");
    }

    @Test
    void findingsComeWorstFirstWithTheirWord() {
        String md = SummaryMarkdown.render(RunReport.of(SeededRun.open()));

        assertThat(md.indexOf("🔴 **red**")).isLessThan(md.indexOf("🟡 **yellow**"));
        assertThat(md.indexOf("🟡 **yellow**")).isLessThan(md.indexOf("🟢 **green**"));
        assertThat(md).contains("""
                   - Evidence: dispatch delay median 12.1 ms, max 1,402 ms (probed every 10 ms; red at >= 100 ms) \s
                     loop 0 was in Thread.sleep <- SleepWorkload.handle
                """);
    }

    @Test
    void noFindingsSaysSo() {
        RunResult base = SeededRun.open();
        String md = SummaryMarkdown.render(RunReport.of(with(base, base.summary(), RunOutcome.COMPLETED, List.of())));

        assertThat(md).contains("## Findings\n\nNo findings.\n");
    }

    @Test
    void thresholdsCarryAWordNotOnlyAMark() {
        String md = SummaryMarkdown.render(RunReport.of(SeededRun.open(), SeededRun.extraThresholds()));

        assertThat(md).contains("**Failed:** 3 of 5 thresholds failed (exit code 99).",
                "| ❌ **FAIL** | `summary.latencyMs.p99` | `< 50` | 56.787 |",
                "| ✅ pass | `summary.throughputRps` | `>= 1500` | 1957.7 |",
                "| ❌ **FAIL** | `jobs.completed` | `> 0` | none: result.json has no jobs");
    }

    @Test
    void memoryAndThreadsComeFromTheTelemetryWithoutPlaceholders() {
        String md = SummaryMarkdown.render(RunReport.of(SeededRun.open()));

        assertThat(md).contains("## Memory, threads and the JVM", "| heap used, max | 99.5 MB of 4096 MB |",
                "| heap after GC | at most 41 MB (1 % of max) |", "| threads, max | 24 platform, 0 virtual mounted |",
                "| dispatch delay | 🔴 red: p50 12.1 ms, p99 1.40 s, max 1.40 s |");
        assertThat(md.toLowerCase(java.util.Locale.ROOT)).doesNotContain("n/a", "todo", "tbd");
    }

    @Test
    void aRunWithoutTelemetrySaysSoInOneLineInsteadOfEmptyRows() {
        String md = SummaryMarkdown.render(RunReport.of(SeededRun.closedInterrupted()));

        assertThat(md).contains("## Memory, threads and the JVM\n\nTelemetry was off")
                .doesNotContain("| heap used");
    }

    @Test
    void anEarlyStopIsSaidBeforeTheNumbers() {
        RunResult base = SeededRun.open();
        String guard = SummaryMarkdown.render(RunReport.of(with(base, generator(base.summary(), GeneratorHealth.OK),
                RunOutcome.STOPPED_BY_GUARD, List.of(new Finding("heap-guard", Severity.RED, "Heap after GC passed 85 %",
                        "91 % of 512 MiB", "Look for a leak")))));

        assertThat(guard).startsWith("# Loupe run: checkout & cart — stopped by a guard\n\n> **Stopped by a guard:**");
    }

    @Test
    void tableCellsKeepAPipeFromSplittingThem() {
        RunResult base = SeededRun.open();
        var s = base.scenario();
        var renamed = new dev.loupe.engine.scenario.Scenario(s.name(), s.description(), s.server(), s.workload(), s.load(),
                s.telemetry(), List.of(new dev.loupe.engine.scenario.Threshold("summary.requests",
                        dev.loupe.engine.scenario.Comparison.GREATER, 0)));
        RunResult r = new RunResult(renamed, base.environment(), base.startedAt(), base.outcome(), base.serverUrl(),
                base.summary(), base.intervals(), base.latency(), base.uncorrectedLatency(), base.findings());
        String md = SummaryMarkdown.render(RunReport.of(r));

        for (String line : md.lines().filter(l -> l.startsWith("| ✅") || l.startsWith("| ❌")).toList()) {
            assertThat(line.split("(?<!\\\\)\\|", -1)).as(line).hasSize(6);
        }
    }
}

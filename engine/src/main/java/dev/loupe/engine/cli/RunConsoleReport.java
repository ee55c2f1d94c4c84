package dev.loupe.engine.cli;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code loupe run} prints to standard output at the end: a pure function of the result. */
final class RunConsoleReport {
    private RunConsoleReport() {}

    static void print(PrintWriter out, RunResult result, RunFolder.Written written, Path folder) {
        LoadSummary s = result.summary();
        out.println(result.scenario().name() + ": " + (result.outcome() == RunOutcome.COMPLETED ? "completed"
                : result.outcome() == RunOutcome.INTERRUPTED ? "interrupted (the numbers cover the part that ran)"
                : "stopped by a guard") + " — " + result.scenario().summary());
        if (s.generator().saturated()) {
            out.println("  WARNING: the load generator could not keep its schedule (behind for "
                    + s.generator().behindScheduleMs() + " ms): the latencies below are partly the generator's, not the server's");
        }
        out.println(String.format(Locale.ROOT, "  %s req/s · p50 %s · p99 %s · max %s · %d requests · errors %d (%s)",
                Units.rate(s.throughputRps()), Units.latency(s.latencyMs().p50()), Units.latency(s.latencyMs().p99()),
                Units.latency(s.latencyMs().max()), s.requests(), s.errors().total(), Units.percent(s.errorRatePct())));
        if (result.findings().isEmpty()) {
            out.println("  findings: none");
        } else {
            out.println("  findings, worst first:");
            for (Finding f : result.findings()) {
                out.println("    " + f.severity().toString().toUpperCase(Locale.ROOT) + "  " + f.title());
            }
        }
        if (!written.thresholds().isEmpty()) {
            long failed = written.failedThresholds();
            out.println("  thresholds: " + (written.thresholds().size() - failed) + " passed, " + failed + " failed");
            for (ThresholdResult t : written.thresholds()) {
                out.println("    " + t.verdict());
            }
        }
        out.println("  run folder: " + folder + "  (" + String.join(", ", written.files()) + ")");
        out.flush();
    }
}

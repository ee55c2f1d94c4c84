package dev.loupe.engine.cli;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Rules;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.units.Numbers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code loupe run} prints to standard output at the end: a pure function of the result. */
final class RunConsoleReport {
    private RunConsoleReport() {}

    /** One line of what the JVM did, or that telemetry was off. */
    private static void jvm(PrintWriter out, RunResult result) {
        TelemetrySummary t = result.telemetry();
        if (t == null) {
            boolean seconds = result.intervals().stream().anyMatch(i -> i.telemetry() != null);
            out.println(seconds ? "  JVM: no totals (the run ended before the journal's first checkpoint); the per-second"
                    + " charts have what it did" : "  JVM: telemetry off");
            return;
        }
        StringBuilder line = new StringBuilder("  JVM:");
        if (t.dispatchDelayMs() != null) {
            double max = t.dispatchDelayMs().max();
            line.append(" dispatch delay p99 ").append(Numbers.latencyMs(t.dispatchDelayMs().p99())).append(" max ")
                    .append(Numbers.latencyMs(max)).append(" (").append(Severity.ofDelayMs(max)).append(") ·");
        }
        line.append(" GC ").append(t.gc().pauses()).append(" pauses");
        if (t.gc().pauses() > 0) {
            line.append(", longest ").append(Numbers.latencyMs(t.gc().pauseMsMax()));
        }
        if (t.heap().usedMbMax() != null) {
            line.append(String.format(Locale.ROOT, " · heap max %.0f MB of %.0f MB", t.heap().usedMbMax(), t.heap().maxMb()));
        }
        line.append(" · threads ").append(t.threads().platformMax());
        if (t.pinned().events() > 0) {
            line.append(" · pinned ").append(t.pinned().events()).append("×");
        }
        long waits = t.contention().monitorEvents() + t.contention().parkEvents();
        if (waits > 0) {
            line.append(" · lock waits ").append(waits);
        }
        out.println(line);
    }

    static void print(PrintWriter out, RunResult result, RunFolder.Written written, Path folder) {
        LoadSummary s = result.summary();
        out.println(result.scenario().name() + ": " + switch (result.outcome()) {
            case COMPLETED -> "completed";
            case INTERRUPTED -> "interrupted (the numbers cover the part that ran)";
            case STOPPED_BY_GUARD -> "stopped by a guard";
            case CRASHED -> "crashed (a partial report, rebuilt from the journal)";
        } + " — " + result.scenario().summary());
        if (s.generator().saturated()) {
            out.println("  WARNING: the load generator could not keep its schedule (behind for "
                    + s.generator().behindScheduleMs() + " ms): the latencies below are partly the generator's, not the server's");
        }
        out.println(String.format(Locale.ROOT, "  %s · p50 %s · p99 %s · max %s · %d requests · errors %d (%s)",
                Numbers.rateRps(s.throughputRps()), Numbers.latencyMs(s.latencyMs().p50()), Numbers.latencyMs(s.latencyMs().p99()),
                Numbers.latencyMs(s.latencyMs().max()), s.requests(), s.errors().total(), Numbers.percent(s.errorRatePct())));
        jvm(out, result);
        if (result.findings().isEmpty()) {
            out.println("  findings: none");
        } else {
            out.println("  findings, worst first (the evidence is in SUMMARY.md):");
            for (Finding f : Rules.order(result.findings())) {
                out.println(String.format(Locale.ROOT, "    %-6s %s", f.severity().toString().toUpperCase(Locale.ROOT),
                        f.title()));
                if (f.severity() != Severity.GREEN) {
                    out.println("           try: " + firstSentence(f.advice()));
                }
            }
        }
        if (!written.thresholds().isEmpty()) {
            long failed = written.failedThresholds();
            out.println("  thresholds: " + (written.thresholds().size() - failed) + " passed, " + failed + " failed");
            for (ThresholdResult t : written.thresholds()) {
                out.println("    " + t.verdict());
            }
        }
        result.notes().forEach(note -> out.println("  note: " + note));
        out.println("  run folder: " + folder + "  (" + String.join(", ", written.files()) + ")");
        out.flush();
    }

    /** The advice's first sentence: what to try, in one line. */
    static String firstSentence(String advice) {
        int end = advice.indexOf(". ");
        return end < 0 ? advice : advice.substring(0, end + 1);
    }
}

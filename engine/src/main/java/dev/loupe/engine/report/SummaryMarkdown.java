package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.Environment;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.LoadModel;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.units.Numbers;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code SUMMARY.md}: the run for a person, in the order they need it. A title with the scenario's
 * name and the outcome; warnings that change how to read every number (a saturated generator, an
 * early stop) before any number; the scenario in one line and the environment; results
 * (throughput, requests, errors by class, connections, generator health); latency (corrected, and
 * uncorrected beside it in an open-model run); findings worst first; thresholds with a word and a
 * mark each. Memory, threads and the JVM's side come from the telemetry; a run without it says so in
 * one line instead of showing empty rows.
 *
 * <p>Latencies have three significant digits and a unit (µs, ms, s); counts have thousands
 * separators; everything is formatted in {@link Locale#ROOT} and times are UTC.
 */
public final class SummaryMarkdown {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "SUMMARY.md";

    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SummaryMarkdown() {}

    /** The file's text. */
    public static String render(RunReport report) {
        RunResult r = report.result();
        Scenario scenario = r.scenario();
        LoadSummary s = r.summary();
        boolean open = scenario.load().model() == LoadModel.OPEN;
        Text md = new Text();

        md.line("# Loupe run: " + inline(scenario.name()) + " — " + outcomeWords(r));
        md.blank();
        warnings(md, r, open);

        md.line("**Scenario:** " + inline(scenario.summary()));
        if (!scenario.description().isBlank()) {
            md.blank();
            md.line("*" + inline(scenario.description().strip()) + "*");
        }
        md.blank();
        environment(md, r);
        results(md, s, open);
        latency(md, s, open);
        jvm(md, r);
        findings(md, report.findingsWorstFirst());
        thresholds(md, report);
        return md.toString();
    }

    private static String outcomeWords(RunResult r) {
        return switch (r.outcome()) {
            case COMPLETED -> "completed";
            case INTERRUPTED -> "interrupted";
            case STOPPED_BY_GUARD -> "stopped by a guard";
            case CRASHED -> "crashed (partial report)";
        };
    }

    /** What must be read before any number. */
    private static void warnings(Text md, RunResult r, boolean open) {
        if (r.outcome() == RunOutcome.CRASHED) {
            md.line("> **Partial report:** the run ended without finishing (the process was killed or crashed);"
                    + " this report was rebuilt from its journal and covers only the seconds the journal kept.");
            md.blank();
        }
        var generator = r.summary().generator();
        if (generator.saturated()) {
            String rate = open ? "the requested rate of " + Numbers.plain(r.scenario().load().rateRps()) + " req/s"
                    : "the requested rate";
            if (open && !r.scenario().load().stages().isEmpty()) {
                rate = "the requested ramp";
            }
            md.line("> **⚠ Warning: the load generator was saturated, so these results are unreliable.**");
            md.line("> It fell behind its schedule for " + Numbers.count(generator.behindScheduleMs())
                    + " ms and ended the run still behind, so " + rate + " was not delivered: throughput"
                    + " and latency below describe the generator's limit as much as the server's. Give the"
                    + " generator more connections or threads (`load.connections`, `load.threads`), or ask"
                    + " for a lower rate.");
            md.blank();
        }
        for (String note : r.notes()) {
            md.line("> **Note:** " + inline(note) + ".");
            md.blank();
        }
        switch (r.outcome()) {
            case COMPLETED -> {}
            case INTERRUPTED -> {
                md.line("> **Interrupted:** the run was stopped before its end; every number covers only the part that ran.");
                md.blank();
            }
            case STOPPED_BY_GUARD -> {
                md.line("> **Stopped by a guard:** the run was stopped early to protect the machine (a red"
                        + " finding below says why); every number covers only the part that ran.");
                md.blank();
            }
            case CRASHED -> {} // first of all, above
        }
    }

    private static void environment(Text md, RunResult r) {
        Environment e = r.environment();
        md.line("## Environment");
        md.blank();
        md.line("- Started " + STARTED.format(r.startedAt()) + ", server under test at " + inline(r.serverUrl()));
        md.line("- Java " + inline(e.javaVersion()) + ", GC: " + inline(e.gc()));
        md.line("- " + e.cpus() + (e.cpus() == 1 ? " CPU, " : " CPUs, ") + inline(e.os()));
        md.line("- Loupe " + inline(e.loupeVersion()));
        md.blank();
    }

    private static void results(Text md, LoadSummary s, boolean open) {
        md.line("## Results");
        md.blank();
        md.line("| metric | value |");
        md.line("|---|---:|");
        SummaryTables.results(s, open).forEach(md::row);
        md.blank();
    }

    private static void latency(Text md, LoadSummary s, boolean open) {
        md.line("## Latency");
        md.blank();
        if (open) {
            md.line("Corrected latency runs from each request's intended start on the schedule, so a stalled"
                    + " server cannot hide its stall; uncorrected runs from the actual send.");
            md.blank();
            md.line("| | corrected | uncorrected |");
            md.line("|---|---:|---:|");
        } else {
            md.line("Closed model: each connection sends its next request when the previous response has"
                    + " arrived, so latency runs from the send.");
            md.blank();
            md.line("| | latency |");
            md.line("|---|---:|");
        }
        SummaryTables.latency(s, open).forEach(md::row);
        md.blank();
    }

    /** Memory, threads and what the JVM did, from the telemetry; one line saying so when it was off. */
    private static void jvm(Text md, RunResult r) {
        md.line("## Memory, threads and the JVM");
        md.blank();
        TelemetrySummary t = r.telemetry();
        if (t == null) {
            md.line("Telemetry was off (`--no-telemetry` or `telemetry.enabled: false`), so there are no memory,"
                    + " thread or JVM readings; the heap guard still ran.");
            md.blank();
            return;
        }
        md.line("| metric | value |");
        md.line("|---|---:|");
        SummaryTables.jvm(t, SummaryMarkdown::icon).forEach(md::row);
        md.blank();
    }

    private static void findings(Text md, List<Finding> findings) {
        md.line("## Findings");
        md.blank();
        if (findings.isEmpty()) {
            md.line("No findings.");
            md.blank();
            return;
        }
        int n = 1;
        for (Finding f : findings) {
            String number = n++ + ". ";
            String indent = " ".repeat(number.length());
            md.line(number + icon(f.severity()) + " **" + f.severity() + "** · `" + f.rule() + "`: " + inline(f.title()));
            md.line(indent + "- Evidence: " + block(f.evidence(), indent + "  "));
            md.line(indent + "- Advice: " + block(f.advice(), indent + "  "));
        }
        md.blank();
    }

    static String icon(Severity severity) {
        return switch (severity) {
            case RED -> "🔴";
            case YELLOW -> "🟡";
            case GREEN -> "🟢";
        };
    }

    private static void thresholds(Text md, RunReport report) {
        md.line("## Thresholds");
        md.blank();
        List<ThresholdResult> all = report.thresholds();
        if (all.isEmpty()) {
            md.line("No thresholds.");
            return;
        }
        int failed = report.failedThresholds().size();
        if (failed == 0) {
            md.line(all.size() == 1 ? "**Passed:** the threshold held." : "**Passed:** all " + all.size() + " thresholds held.");
        } else {
            md.line("**Failed:** " + failed + " of " + all.size() + (all.size() == 1 ? " threshold" : " thresholds")
                    + " failed (exit code 99).");
        }
        md.blank();
        md.line("| result | metric | condition | actual |");
        md.line("|---|---|---|---:|");
        for (ThresholdResult t : all) {
            String actual = t.actual().isPresent() ? t.actualText() : "none: " + t.note().orElseThrow();
            md.row(t.passed() ? "✅ pass" : "❌ **FAIL**", "`" + t.metric() + "`", "`" + t.condition() + "`", actual);
        }
    }

    /** Text from the result (names, titles, versions) on one line: line breaks become spaces. */
    private static String inline(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A paragraph inside a list item: each further line a hard break, indented under the item. */
    private static String block(String text, String indent) {
        return text.strip().replace("\r\n", "\n").replace("\n", "  \n" + indent);
    }

    /** Markdown lines with {@code \n} endings on every platform. */
    private static final class Text {
        private final StringBuilder b = new StringBuilder();

        void line(String text) {
            b.append(text).append('\n');
        }

        void blank() {
            b.append('\n');
        }

        /** A table row; a {@code |} in a cell is escaped so it does not split the cell. */
        void row(List<String> cells) {
            row(cells.toArray(String[]::new));
        }

        void row(String... cells) {
            b.append('|');
            for (String cell : cells) {
                b.append(' ').append(inline(cell).replace("|", "\\|")).append(" |");
            }
            b.append('\n');
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}

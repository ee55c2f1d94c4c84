package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.chart.Palette;
import dev.loupe.engine.chart.RunCharts;
import dev.loupe.engine.report.ReportPages.Style;
import dev.loupe.engine.run.Environment;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.LoadModel;
import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.units.Numbers;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * What {@code report.pdf} and {@code report.html} say, in their order, for any {@link ReportPages}.
 * The first page tells what ran, where, whether its thresholds held and the one finding to read
 * first; then the summary tables, every threshold and finding (severity as a coloured dot and a word,
 * never colour alone), the dashboard's charts on one time axis, the latency distribution, the stacks
 * behind the findings and a flame graph of the server's CPU samples.
 */
final class ReportContent {
    static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final float CHART_HEIGHT = 165;
    private static final int STACK_FRAMES = 8;
    private static final int STACKS_PER_KIND = 3;

    private ReportContent() {}

    /**
     * @param cpuStacks the server's CPU samples as collapsed stacks ({@code flame.collapsed}), drawn as a
     *     flame graph; empty when the run has none
     */
    static void write(RunReport report, Optional<List<String>> cpuStacks, ReportPages p) throws IOException {
        RunResult r = report.result();
        firstPage(p, report);
        tables(p, r);
        thresholds(p, report);
        findings(p, report.findingsWorstFirst());
        charts(p, r);
        stacks(p, r.telemetry());
        flame(p, cpuStacks);
    }

    /** How the report names itself: in a PDF's footer and title, an HTML page's title. */
    static String title(RunResult r) {
        return "Loupe run: " + r.scenario().name() + " · " + STARTED.format(r.startedAt());
    }

    private static void firstPage(ReportPages p, RunReport report) throws IOException {
        RunResult r = report.result();
        p.text(Style.TITLE, 0, "Loupe run: " + r.scenario().name());
        p.text(Style.MUTED, 0, outcome(r) + " · started " + STARTED.format(r.startedAt()) + " · " + r.serverUrl());
        p.text(Style.BODY, 0, "Scenario: " + r.scenario().summary());
        if (!r.scenario().description().isBlank()) {
            p.text(Style.MUTED, 0, r.scenario().description().strip());
        }
        Environment e = r.environment();
        p.text(Style.MUTED, 0, "Java " + e.javaVersion() + ", GC " + e.gc() + ", " + e.cpus()
                + (e.cpus() == 1 ? " CPU, " : " CPUs, ") + e.os() + ", Loupe " + e.loupeVersion());
        for (String warning : warnings(r)) {
            p.marked(Palette.YELLOW, Style.STRONG, warning);
        }
        verdict(p, report);
        p.text(Style.HEADING, 0, "Headline");
        List<Finding> findings = report.findingsWorstFirst();
        if (findings.isEmpty()) {
            p.text(Style.BODY, 0, "Nothing stood out: no rule found anything to report.");
        } else {
            finding(p, findings.getFirst());
        }
    }

    private static String outcome(RunResult r) {
        return switch (r.outcome()) {
            case COMPLETED -> "Completed";
            case INTERRUPTED -> "Interrupted";
            case STOPPED_BY_GUARD -> "Stopped by a guard";
            case CRASHED -> "Crashed: a partial report";
        };
    }

    private static List<String> warnings(RunResult r) {
        List<String> lines = new ArrayList<>();
        if (r.summary().generator().saturated()) {
            lines.add("Warning: the load generator was saturated, so these results are unreliable: it fell behind its"
                    + " schedule and ended the run still behind.");
        }
        switch (r.outcome()) {
            case COMPLETED -> {}
            case INTERRUPTED -> lines.add("Interrupted: every number covers only the part that ran.");
            case STOPPED_BY_GUARD -> lines.add("Stopped by a guard to protect the machine: every number covers only the part that ran.");
            case CRASHED -> lines.addFirst("Partial report: the run ended without finishing (the process was killed or"
                    + " crashed). It was rebuilt from its journal and covers only the seconds the journal kept.");
        }
        r.notes().forEach(note -> lines.add("Note: " + note + "."));
        return lines;
    }

    private static void verdict(ReportPages p, RunReport report) throws IOException {
        p.text(Style.HEADING, 0, "Verdict");
        List<ThresholdResult> all = report.thresholds();
        int failed = report.failedThresholds().size();
        if (all.isEmpty()) {
            p.text(Style.STRONG, 0, "No thresholds: the run has no pass or fail.");
        } else if (failed == 0) {
            p.marked(colourOf(Severity.GREEN), Style.STRONG,
                    "Passed: " + (all.size() == 1 ? "the threshold held." : "all " + all.size() + " thresholds held."));
        } else {
            ThresholdResult first = report.failedThresholds().getFirst();
            p.marked(colourOf(Severity.RED), Style.STRONG, "Failed: " + failed + " of " + all.size()
                    + (all.size() == 1 ? " threshold" : " thresholds") + " (exit code 99); first " + first.metric() + " "
                    + first.condition() + ", actual " + (first.actual().isPresent() ? first.actualText() : "none") + ".");
        }
    }

    private static void finding(ReportPages p, Finding f) throws IOException {
        p.keep(ReportPages.BODY_PT * 7);
        p.marked(colourOf(f.severity()), Style.SUBHEADING, f.severity() + " · " + f.title());
        p.text(Style.BODY, 1, "Evidence: " + f.evidence().strip());
        p.text(Style.BODY, 1, "Advice: " + f.advice().strip());
        p.text(Style.CODE, 1, "rule " + f.rule());
    }

    static Color colourOf(Severity s) {
        return switch (s) {
            case RED -> Palette.RED;
            case YELLOW -> Palette.YELLOW;
            case GREEN -> Palette.GREEN;
        };
    }

    private static void tables(ReportPages p, RunResult r) throws IOException {
        boolean open = r.scenario().load().model() == LoadModel.OPEN;
        p.text(Style.HEADING, 0, "Results");
        p.table(withHeader(List.of("metric", "value"), SummaryTables.results(r.summary(), open)), new float[] {0.3f, 0.7f}, false);
        p.text(Style.HEADING, 0, "Latency");
        List<String> header = open ? List.of("", "corrected", "uncorrected") : List.of("", "latency");
        p.table(withHeader(header, SummaryTables.latency(r.summary(), open)),
                open ? new float[] {0.3f, 0.35f, 0.35f} : new float[] {0.3f, 0.7f}, true);
        p.text(Style.HEADING, 0, "Memory, threads and the JVM");
        if (r.telemetry() == null) {
            p.text(Style.BODY, 0, "Telemetry was off, so there are no memory, thread or JVM readings.");
        } else {
            p.table(withHeader(List.of("metric", "value"), SummaryTables.jvm(r.telemetry(), s -> "")),
                    new float[] {0.3f, 0.7f}, false);
        }
    }

    private static List<List<String>> withHeader(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (List<String> row : rows) {
            all.add(row.stream().map(ReportContent::plain).toList());
        }
        return all;
    }

    /** A cell without Markdown emphasis or code marks. */
    static String plain(String cell) {
        return cell.replace("**", "").replace("`", "").strip();
    }

    private static void thresholds(ReportPages p, RunReport report) throws IOException {
        if (report.thresholds().isEmpty()) {
            return;
        }
        p.text(Style.HEADING, 0, "Thresholds");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("result", "metric", "condition", "actual"));
        for (ThresholdResult t : report.thresholds()) {
            rows.add(List.of(t.passed() ? "pass" : "FAIL", t.metric(), t.condition(),
                    t.actual().isPresent() ? t.actualText() : "none: " + t.note().orElse("")));
        }
        p.table(rows, new float[] {0.1f, 0.42f, 0.2f, 0.28f}, false);
    }

    private static void findings(ReportPages p, List<Finding> findings) throws IOException {
        p.text(Style.HEADING, 0, "Findings");
        if (findings.isEmpty()) {
            p.text(Style.BODY, 0, "No findings.");
            return;
        }
        for (Finding f : findings) {
            finding(p, f);
        }
    }

    private static void charts(ReportPages p, RunResult r) throws IOException {
        p.pageBreak();
        p.text(Style.HEADING, 0, "The run, second by second");
        p.text(Style.MUTED, 0, "One time axis for every chart; the warm-up is shaded and left out of the summary. Each chart"
                + " holds the least and the most of every column it is drawn at, so a one-second spike shows at any length.");
        List<JFreeChart> charts = RunCharts.timeline(r.intervals(), r.scenario().load().warmup().toMillis(),
                (int) ReportPages.WIDTH, ChartTheme.LIGHT, ReportFonts.charts());
        for (JFreeChart chart : charts) {
            p.chart(chart, CHART_HEIGHT);
        }
        p.keep(CHART_HEIGHT * 1.5f + 40);
        p.text(Style.HEADING, 0, "Latency distribution");
        boolean open = r.scenario().load().model() == LoadModel.OPEN;
        p.chart(RunCharts.percentiles(r.latency(), open ? r.uncorrectedLatency() : null, ChartTheme.LIGHT,
                ReportFonts.charts()), CHART_HEIGHT * 1.5f);
    }

    private record Section(String title, List<Evidence> items) {}

    private static void stacks(ReportPages p, TelemetrySummary t) throws IOException {
        if (t == null) {
            return;
        }
        var e = t.evidence();
        List<Section> sections = List.of(new Section("Late dispatch", e.lateDispatch()), new Section("Lock waits", e.locks()),
                new Section("Pinned virtual threads", e.pinning()), new Section("Sleeps", e.sleeps()),
                new Section("Hot frames (CPU samples)", e.hotFrames()));
        if (sections.stream().allMatch(s -> s.items().isEmpty())) {
            return;
        }
        p.text(Style.HEADING, 0, "Top stacks");
        for (Section s : sections) {
            if (s.items().isEmpty()) {
                continue;
            }
            p.keep(ReportPages.BODY_PT * 8);
            p.text(Style.SUBHEADING, 0, s.title());
            for (Evidence item : s.items().subList(0, Math.min(STACKS_PER_KIND, s.items().size()))) {
                p.text(Style.BODY, 1, item.subject() + (item.detail().isEmpty() ? "" : " (" + item.detail() + ")") + " · "
                        + Numbers.count(item.events()) + (item.events() == 1 ? " time" : " times") + " on " + item.role()
                        + " threads" + (item.totalMs() > 0 ? " · " + Numbers.latencyMs(item.totalMs()) + " in all" : ""));
                StringBuilder frames = new StringBuilder();
                for (String frame : item.frames().subList(0, Math.min(STACK_FRAMES, item.frames().size()))) {
                    frames.append(frames.isEmpty() ? "" : "\n").append("at ").append(frame);
                }
                if (item.frames().size() > STACK_FRAMES) {
                    frames.append("\n… ").append(item.frames().size() - STACK_FRAMES).append(" more frames");
                }
                if (!frames.isEmpty()) {
                    p.text(Style.CODE, 2, frames.toString());
                }
            }
        }
    }

    private static void flame(ReportPages p, Optional<List<String>> cpuStacks) throws IOException {
        if (cpuStacks.isEmpty()) {
            return;
        }
        Icicle.Node root = Icicle.parse(cpuStacks.get());
        p.pageBreak();
        p.text(Style.HEADING, 0, "Flame graph: where the server's threads spent their CPU");
        if (root.total == 0) {
            p.text(Style.BODY, 0, "No CPU samples of the server's threads were recorded.");
            return;
        }
        p.text(Style.MUTED, 0, Numbers.count(root.total) + " samples of the server's threads (Loupe's own are left out). Each"
                + " frame is as wide as its share of them, its callees below it; flame.html in the run folder is the"
                + " same graph to explore.");
        int rows = (int) Math.max(1, Math.min(root.depth(), Math.floor((Math.min(p.roomLeft(), 700) - 8) / Icicle.ROW)));
        Font font = ReportFonts.charts().legend().deriveFont(7f);
        p.picture(g -> Icicle.draw(g, root, ReportPages.WIDTH, rows, font), ReportPages.WIDTH, (float) (rows * Icicle.ROW));
    }
}

package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.Environment;
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
        };
    }

    /** What must be read before any number. */
    private static void warnings(Text md, RunResult r, boolean open) {
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
        md.row("throughput", Numbers.rateRps(s.throughputRps()));
        md.row("requests", Numbers.count(s.requests()) + " in " + Numbers.seconds(s.durationS()));
        md.row("errors", errors(s));
        md.row("error rate", Numbers.percent(s.errorRatePct()));
        var c = s.connections();
        md.row("connections", Numbers.count(c.established()) + " established of " + Numbers.count(c.requested())
                + " requested, " + Numbers.count(c.failed()) + " failed, " + Numbers.count(c.reconnects())
                + (c.reconnects() == 1 ? " reconnect" : " reconnects"));
        md.row("generator", generator(s, open));
        md.blank();
    }

    private static String errors(LoadSummary s) {
        if (s.errors().total() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (ErrorClass c : ErrorClass.values()) {
            long n = s.errors().count(c);
            if (n > 0) {
                parts.add(c.jsonName() + " " + Numbers.count(n));
            }
        }
        return Numbers.count(s.errors().total()) + ": " + String.join(", ", parts);
    }

    private static String generator(LoadSummary s, boolean open) {
        var g = s.generator();
        if (!open) {
            return "closed model: no schedule to fall behind";
        }
        if (g.saturated()) {
            return "**saturated**: behind schedule for " + Numbers.count(g.behindScheduleMs())
                    + " ms and still behind at the end; results unreliable";
        }
        if (g.behindScheduleMs() == 0) {
            return "kept to its schedule";
        }
        return "behind schedule for " + Numbers.count(g.behindScheduleMs()) + " ms, then caught up";
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
        latencyRow(md, "avg", LatencyMs::mean, s, open);
        latencyRow(md, "p50", LatencyMs::p50, s, open);
        latencyRow(md, "p90", LatencyMs::p90, s, open);
        latencyRow(md, "p95", LatencyMs::p95, s, open);
        latencyRow(md, "p99", LatencyMs::p99, s, open);
        latencyRow(md, "p99.9", LatencyMs::p999, s, open);
        latencyRow(md, "min", LatencyMs::min, s, open);
        latencyRow(md, "max", LatencyMs::max, s, open);
        md.blank();
    }

    private static void latencyRow(Text md, String label, ToDoubleFunction<LatencyMs> value, LoadSummary s, boolean open) {
        String corrected = Numbers.latencyMs(value.applyAsDouble(s.latencyMs()));
        if (open) {
            md.row(label, corrected, Numbers.latencyMs(value.applyAsDouble(s.uncorrectedLatencyMs())));
        } else {
            md.row(label, corrected);
        }
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
        var heap = t.heap();
        md.row("heap used, max", heap.usedMbMax() == null ? "not sampled"
                : mb(heap.usedMbMax()) + " MB of " + mb(heap.maxMb()) + " MB");
        md.row("heap after GC", heap.afterGcMbMax() == null ? "no collection"
                : "at most " + mb(heap.afterGcMbMax()) + " MB (" + Numbers.percent(heap.afterGcPctMax())
                        + " of max)" + (heap.afterGcMbSlopePerMin() == null ? ""
                                : ", trend " + signed(heap.afterGcMbSlopePerMin()) + " MB/min"));
        var gc = t.gc();
        md.row("GC pauses", gc.pauses() == 0 ? "none"
                : Numbers.count(gc.pauses()) + ", " + Numbers.latencyMs(gc.pauseMsTotal()) + " in total, longest "
                        + Numbers.latencyMs(gc.pauseMsMax()));
        md.row("threads, max", Numbers.count(t.threads().platformMax()) + " platform, "
                + Numbers.count(t.threads().virtualMountedMax()) + " virtual mounted");
        var p = t.process();
        md.row("CPU, mean", p.cpuPctMean() == null ? "no reading"
                : "JVM " + Numbers.percent(p.cpuPctMean()) + ", machine " + Numbers.percent(p.machineCpuPctMean()));
        md.row("server connections open, max", Numbers.count(p.serverConnectionsOpenMax()));
        md.row("file descriptors, max", p.fileDescriptorsMax() == null ? "not known on this OS"
                : Numbers.count(p.fileDescriptorsMax()));
        md.row("dispatch delay", delay(t.dispatchDelayMs(), "no dispatch target"));
        md.row("JVM hiccups", t.hiccupMs() == null ? "not measured"
                : "p99 " + Numbers.latencyMs(t.hiccupMs().p99()) + ", max " + Numbers.latencyMs(t.hiccupMs().max()));
        md.row("lock waits (server)", t.contention().monitorEvents() + t.contention().parkEvents() == 0 ? "none"
                : Numbers.count(t.contention().monitorEvents()) + " monitor, " + Numbers.count(t.contention().parkEvents())
                        + " park, " + Numbers.latencyMs(t.contention().totalMs()) + " in total");
        md.row("virtual-thread pinning", t.pinned().events() == 0 ? "none"
                : Numbers.count(t.pinned().events()) + " times, " + Numbers.latencyMs(t.pinned().totalMs()) + " in total");
        md.row("allocation", Numbers.significant(p.allocationMbPerS()) + " MB/s");
        md.blank();
    }

    private static String delay(dev.loupe.engine.telemetry.DelayMs d, String none) {
        if (d == null) {
            return none;
        }
        Severity colour = Severity.ofDelayMs(d.max());
        return icon(colour) + " " + colour + ": p50 " + Numbers.latencyMs(d.p50()) + ", p99 "
                + Numbers.latencyMs(d.p99()) + ", max " + Numbers.latencyMs(d.max());
    }

    /** Megabytes to one decimal: {@code 4096}, {@code 99.5}. */
    private static String mb(double value) {
        return Numbers.plain(Math.round(value * 10) / 10.0);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + Numbers.significant(value);
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

    private static String icon(Severity severity) {
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

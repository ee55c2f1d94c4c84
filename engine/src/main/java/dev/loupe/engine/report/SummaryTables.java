package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.units.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The summary's tables as rows of cells, for every report that shows them ({@code SUMMARY.md}, the
 * PDF, the HTML): results, latency (corrected, and uncorrected beside it in an open-model run), and
 * memory, threads and the JVM. A cell may hold Markdown emphasis ({@code **saturated**}); a format
 * without Markdown strips it.
 */
final class SummaryTables {
    private SummaryTables() {}

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    static List<List<String>> results(LoadSummary s, boolean open) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("throughput", Numbers.rateRps(s.throughputRps())));
        rows.add(row("requests", Numbers.count(s.requests()) + " in " + Numbers.seconds(s.durationS())));
        rows.add(row("errors", errors(s)));
        rows.add(row("error rate", Numbers.percent(s.errorRatePct())));
        var c = s.connections();
        rows.add(row("connections", Numbers.count(c.established()) + " established of " + Numbers.count(c.requested())
                + " requested, " + Numbers.count(c.failed()) + " failed, " + Numbers.count(c.reconnects())
                + (c.reconnects() == 1 ? " reconnect" : " reconnects")));
        rows.add(row("generator", generator(s, open)));
        return rows;
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

    /** avg, p50, p90, p95, p99, p99.9, min, max: the label, the corrected value and, in an open model, the uncorrected. */
    static List<List<String>> latency(LoadSummary s, boolean open) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(latencyRow("avg", LatencyMs::mean, s, open));
        rows.add(latencyRow("p50", LatencyMs::p50, s, open));
        rows.add(latencyRow("p90", LatencyMs::p90, s, open));
        rows.add(latencyRow("p95", LatencyMs::p95, s, open));
        rows.add(latencyRow("p99", LatencyMs::p99, s, open));
        rows.add(latencyRow("p99.9", LatencyMs::p999, s, open));
        rows.add(latencyRow("min", LatencyMs::min, s, open));
        rows.add(latencyRow("max", LatencyMs::max, s, open));
        return rows;
    }

    private static List<String> latencyRow(String label, ToDoubleFunction<LatencyMs> value, LoadSummary s, boolean open) {
        String corrected = Numbers.latencyMs(value.applyAsDouble(s.latencyMs()));
        return open ? row(label, corrected, Numbers.latencyMs(value.applyAsDouble(s.uncorrectedLatencyMs())))
                : row(label, corrected);
    }

    /**
     * Memory, threads and what the JVM did.
     *
     * @param icon the mark a severity gets beside its word (an emoji in Markdown, a drawn dot in a PDF)
     */
    static List<List<String>> jvm(TelemetrySummary t, Function<Severity, String> icon) {
        List<List<String>> rows = new ArrayList<>();
        var heap = t.heap();
        rows.add(row("heap used, max", heap.usedMbMax() == null ? "not sampled"
                : mb(heap.usedMbMax()) + " MB of " + mb(heap.maxMb()) + " MB"));
        rows.add(row("heap after GC", heap.afterGcMbMax() == null ? "no collection"
                : "at most " + mb(heap.afterGcMbMax()) + " MB (" + Numbers.percent(heap.afterGcPctMax())
                        + " of max)" + (heap.afterGcMbSlopePerMin() == null ? ""
                                : ", trend " + signed(heap.afterGcMbSlopePerMin()) + " MB/min")));
        var gc = t.gc();
        rows.add(row("GC pauses", gc.pauses() == 0 ? "none"
                : Numbers.count(gc.pauses()) + ", " + Numbers.latencyMs(gc.pauseMsTotal()) + " in total, longest "
                        + Numbers.latencyMs(gc.pauseMsMax())));
        rows.add(row("threads, max", Numbers.count(t.threads().platformMax()) + " platform, "
                + Numbers.count(t.threads().virtualMountedMax()) + " virtual mounted"));
        var p = t.process();
        rows.add(row("CPU, mean", p.cpuPctMean() == null ? "no reading"
                : "JVM " + Numbers.percent(p.cpuPctMean()) + ", machine " + Numbers.percent(p.machineCpuPctMean())));
        rows.add(row("server connections open, max", Numbers.count(p.serverConnectionsOpenMax())));
        rows.add(row("file descriptors, max", p.fileDescriptorsMax() == null ? "not known on this OS"
                : Numbers.count(p.fileDescriptorsMax())));
        rows.add(row("dispatch delay", delay(t.dispatchDelayMs(), "no dispatch target", icon)));
        rows.add(row("JVM hiccups", t.hiccupMs() == null ? "not measured"
                : "p99 " + Numbers.latencyMs(t.hiccupMs().p99()) + ", max " + Numbers.latencyMs(t.hiccupMs().max())));
        rows.add(row("lock waits (server)", t.contention().monitorEvents() + t.contention().parkEvents() == 0 ? "none"
                : Numbers.count(t.contention().monitorEvents()) + " monitor, " + Numbers.count(t.contention().parkEvents())
                        + " park, " + Numbers.latencyMs(t.contention().totalMs()) + " in total"));
        rows.add(row("virtual-thread pinning", t.pinned().events() == 0 ? "none"
                : Numbers.count(t.pinned().events()) + " times, " + Numbers.latencyMs(t.pinned().totalMs()) + " in total"));
        rows.add(row("allocation", Numbers.significant(p.allocationMbPerS()) + " MB/s"));
        return rows;
    }

    private static String delay(DelayMs d, String none, Function<Severity, String> icon) {
        if (d == null) {
            return none;
        }
        Severity colour = Severity.ofDelayMs(d.max());
        return icon.apply(colour) + " " + colour + ": p50 " + Numbers.latencyMs(d.p50()) + ", p99 "
                + Numbers.latencyMs(d.p99()) + ", max " + Numbers.latencyMs(d.max());
    }

    /** Megabytes to one decimal: {@code 4096}, {@code 99.5}. */
    private static String mb(double value) {
        return Numbers.plain(Math.round(value * 10) / 10.0);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + Numbers.significant(value);
    }

}

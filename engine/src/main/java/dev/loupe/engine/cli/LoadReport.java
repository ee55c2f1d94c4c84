package dev.loupe.engine.cli;

import dev.loupe.engine.load.LoadResult;
import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.units.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The wrk-like text summary of a load run, printed to standard output. A pure function of the result. */
final class LoadReport {
    private LoadReport() {}

    static void print(PrintWriter out, String heading, LoadResult result) {
        LoadSummary s = result.summary();
        out.println(heading);
        if (result.stoppedEarly()) {
            out.println("  interrupted: the summary covers the part that ran");
        }
        out.println();
        out.println(String.format(Locale.ROOT, "  %-13s %9s %9s %9s %9s %9s %9s %9s %9s",
                "Latency", "min", "p50", "p75", "p90", "p99", "p99.9", "max", "mean"));
        if (result.openModel()) {
            out.println(latencyRow("corrected", s.latencyMs()) + "   from the intended start");
            out.println(latencyRow("uncorrected", s.uncorrectedLatencyMs()) + "   from the actual send");
        } else {
            out.println(latencyRow("", s.latencyMs()));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "  %d requests in %s, %s read", s.requests(),
                Numbers.seconds(s.durationS()), Numbers.bytes(result.bytesRead())));
        // wrk's own form, without separators: scripts read this line as they read wrk's
        out.println(String.format(Locale.ROOT, "  Requests/sec:  %.1f", s.throughputRps()));
        out.println("  Transfer/sec:  " + Numbers.bytes(s.durationS() == 0 ? 0 : result.bytesRead() / s.durationS()) + "/s");
        out.println("  Errors:        " + errors(s));
        out.println(String.format(Locale.ROOT, "  Connections:   requested %d, established %d, failed %d, reconnects %d",
                s.connections().requested(), s.connections().established(), s.connections().failed(),
                s.connections().reconnects()));
        if (result.openModel()) {
            out.println("  Generator:     " + generator(result));
        }
        if (result.outOfRangeLatencies() > 0) {
            out.println(String.format(Locale.ROOT, "  Warning:       %d latencies fell outside 1us..60s and were recorded at the nearest end",
                    result.outOfRangeLatencies()));
        }
        out.flush();
    }

    private static String latencyRow(String label, LatencyMs l) {
        return String.format(Locale.ROOT, "  %-13s %9s %9s %9s %9s %9s %9s %9s %9s", label,
                Numbers.latencyMs(l.min()), Numbers.latencyMs(l.p50()), Numbers.latencyMs(l.p75()), Numbers.latencyMs(l.p90()),
                Numbers.latencyMs(l.p99()), Numbers.latencyMs(l.p999()), Numbers.latencyMs(l.max()), Numbers.latencyMs(l.mean()));
    }

    private static String errors(LoadSummary s) {
        if (s.errors().total() == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (ErrorClass c : ErrorClass.values()) {
            long n = s.errors().count(c);
            if (n > 0) {
                parts.add(c.jsonName() + " " + n);
            }
        }
        return String.join(", ", parts) + " (" + s.errors().total() + " of " + s.requests() + " requests, "
                + Numbers.percent(s.errorRatePct()) + ")";
    }

    private static String generator(LoadResult r) {
        var g = r.summary().generator();
        if (g.behindScheduleMs() == 0 && !g.saturated()) {
            return "kept to the schedule";
        }
        String text = "behind schedule for " + g.behindScheduleMs() + "ms";
        if (g.saturated()) {
            text += "; SATURATED: " + r.unsentAtStop() + " due requests were never sent"
                    + " (more connections or threads, or a lower rate)";
        }
        return text;
    }
}

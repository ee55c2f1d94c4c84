package dev.loupe.engine.report.compare;

import dev.loupe.engine.report.compare.RunSample.FoundIssue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs made up for the comparison's tests and golden files: a baseline and a slower candidate. */
final class SeededComparisons {
    private SeededComparisons() {}

    static RunSample run(String source, double throughputRps, double p99Ms, double gcPauseMsTotal, double spread,
            List<FoundIssue> findings) {
        double[] throughput = new double[8];
        double[] p99 = new double[8];
        for (int s = 0; s < 8; s++) {
            double wobble = ((s * 37) % 8 - 3.5) / 3.5 * spread;
            throughput[s] = throughputRps * (1 + wobble);
            p99[s] = p99Ms * (1 - wobble);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("summary.requests", throughputRps * 8);
        metrics.put("summary.durationS", 8.0);
        metrics.put("summary.throughputRps", throughputRps);
        metrics.put("summary.errorRatePct", 0.0);
        metrics.put("summary.latencyMs.p50", p99Ms / 10);
        metrics.put("summary.latencyMs.p99", p99Ms);
        metrics.put("telemetry.gc.pauseMsTotal", gcPauseMsTotal);
        metrics.put("telemetry.heap.usedMbMax", 210.5);
        return new RunSample(source, "checkout", "completed", metrics,
                Map.of("summary.throughputRps", throughput, "summary.latencyMs.p99", p99), Optional.empty(), findings);
    }

    static List<RunSample> base() {
        return List.of(run("runs/base", 2000, 4.2, 12.5, 0.01,
                List.of(new FoundIssue("dispatch-blocked", "red", "The event loop was blocked for up to 1.4 s"))));
    }

    static List<RunSample> candidate() {
        return List.of(run("runs/candidate", 1800, 5.0, 12.5, 0.01,
                List.of(new FoundIssue("gc-pressure", "yellow", "GC took 6 % of the run"))));
    }
}

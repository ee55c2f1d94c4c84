package dev.loupe.engine.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a threshold may test: the numeric paths of {@code result.json} (docs/contracts.md) and the derived counts {@code findings.red} and {@code findings.yellow}.
 * Paths below {@code jobs.} are accepted as they are, since each job workload reports its own.
 * When {@code result.json} gains a number, add its path here.
 */
public final class ThresholdMetrics {
    private ThresholdMetrics() {}

    /** Paths below this prefix are accepted without a check against {@link #KNOWN}. */
    public static final String JOBS_PREFIX = "jobs.";

    /** Every known metric path, in the order of {@code result.json}. */
    public static final List<String> KNOWN = known();

    /** Whether {@code metric} is a path a threshold may test. */
    public static boolean isKnown(String metric) {
        return KNOWN.contains(metric)
                || (metric.startsWith(JOBS_PREFIX) && metric.length() > JOBS_PREFIX.length()
                        && metric.matches("jobs(\\.[A-Za-z][A-Za-z0-9]*)+"));
    }

    private static List<String> known() {
        List<String> paths = new ArrayList<>();
        add(paths, "summary", "requests", "durationS", "throughputRps", "errorRatePct");
        add(paths, "summary.errors", "connect", "read", "write", "timeout", "malformed", "status4xx", "status5xx", "total");
        add(paths, "summary.connections", "requested", "established", "failed", "reconnects");
        String[] latency = {"min", "mean", "p50", "p75", "p90", "p95", "p99", "p999", "max"};
        add(paths, "summary.latencyMs", latency);
        add(paths, "summary.uncorrectedLatencyMs", latency);
        add(paths, "summary.generator", "behindScheduleMs");
        add(paths, "telemetry.dispatchDelayMs", "p50", "p99", "max");
        add(paths, "telemetry.hiccupMs", "p50", "p99", "max");
        add(paths, "telemetry.gc", "pauses", "pauseMsTotal", "pauseMsMax");
        add(paths, "telemetry.heap", "usedMbMax", "maxMb", "afterGcMbMax", "afterGcPctMax", "afterGcMbSlopePerMin");
        add(paths, "telemetry.pinned", "events", "totalMs");
        add(paths, "telemetry.contention", "monitorEvents", "parkEvents", "totalMs");
        add(paths, "telemetry.threads", "platformMax", "virtualMountedMax");
        add(paths, "telemetry.process", "cpuPctMean", "machineCpuPctMean", "fileDescriptorsMax",
                "serverConnectionsOpenMax", "serverQueueLengthMax", "allocationMbPerS", "safepointMsTotal");
        add(paths, "telemetry", "lateEvents");
        add(paths, "findings", "red", "yellow");
        return List.copyOf(paths);
    }

    private static void add(List<String> paths, String parent, String... names) {
        for (String name : names) {
            paths.add(parent + "." + name);
        }
    }
}

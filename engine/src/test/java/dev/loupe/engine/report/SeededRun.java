package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.Environment;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Comparison;
import dev.loupe.engine.scenario.LoadModel;
import dev.loupe.engine.scenario.LoadSettings;
import dev.loupe.engine.scenario.Preset;
import dev.loupe.engine.scenario.RequestBody;
import dev.loupe.engine.scenario.RequestTemplate;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.Schedule;
import dev.loupe.engine.scenario.ServerSettings;
import dev.loupe.engine.scenario.TelemetrySettings;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.scenario.WorkloadSpec;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Fully deterministic run results for the golden files and the format tests: fixed environment,
 * start and numbers; latencies from integer arithmetic (no random numbers, no clock). Every value is
 * spelled out here rather than taken from presets or defaults, so a changed default never changes a
 * golden file.
 */
final class SeededRun {
    static final Instant STARTED_AT = Instant.parse("2025-03-14T09:26:53.250Z");
    static final Environment ENVIRONMENT = new Environment("25.0.1+8-LTS",
            "G1 Young Generation, G1 Concurrent GC, G1 Old Generation", 2, "Linux 6.8.0-45-generic amd64", "0.1.0");
    static final String SERVER_URL = "http://127.0.0.1:41234/";

    /** Requests finished in seconds 0 (warm-up), 1, 2 and 3 of the open-model run. */
    private static final int[] REQUESTS = {1800, 1950, 1990, 1940};
    private static final int[] ERRORS = {1, 2, 3, 2};
    private static final long[] BEHIND_MS = {0, 200, 734, 300};

    private SeededRun() {}

    /** A command-line threshold, judged after the scenario's. */
    static List<Threshold> extraThresholds() {
        return List.of(Threshold.parse("summary.throughputRps>=1500"));
    }

    /**
     * An open-model run of an event loop with a blocking handler, driven past what it can answer:
     * errors in two classes, a saturated generator, a finding of each severity (given green first,
     * so worst-first ordering shows), and thresholds that pass, fail and have no value.
     */
    static RunResult open() {
        Scenario scenario = new Scenario("checkout & cart",
                "Seeded result for the report golden files: an event loop whose handler sleeps 1 ms, driven past what it can answer.",
                new ServerSettings("event-loop", 2, "127.0.0.1", 0, Duration.ofSeconds(30), Duration.ofSeconds(10),
                        Duration.ofSeconds(5), 256, 8192, 16384, 1048576, Map.of()),
                new WorkloadSpec("sleep", Optional.of("1ms")),
                new LoadSettings(Preset.LIGHT, LoadModel.OPEN, 10, 2000, Schedule.CONSTANT, List.of(),
                        Duration.ofSeconds(3), Duration.ofSeconds(1), true, 0, 2, Duration.ofSeconds(2), Duration.ofSeconds(10),
                        Duration.ZERO, new RequestTemplate("GET", "/checkout", Map.of(), RequestBody.NONE),
                        List.of(), 10, 5),
                new TelemetrySettings(true, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(20), true, 85),
                List.of(new Threshold("summary.latencyMs.p99", Comparison.LESS, 50),
                        new Threshold("summary.errorRatePct", Comparison.LESS, 1),
                        new Threshold("findings.red", Comparison.EQUAL, 0),
                        new Threshold("jobs.completed", Comparison.GREATER, 0)));

        List<SecondInterval> intervals = new ArrayList<>();
        List<LatencyHistogram> corrected = new ArrayList<>();
        List<LatencyHistogram> uncorrected = new ArrayList<>();
        for (int s = 0; s < REQUESTS.length; s++) {
            LatencyHistogram c = latencies(s, REQUESTS[s], true);
            LatencyHistogram u = latencies(s, REQUESTS[s], false);
            corrected.add(c);
            uncorrected.add(u);
            intervals.add(new SecondInterval(s * 1000L, (s + 1) * 1000L, s == 0, REQUESTS[s], REQUESTS[s] - ERRORS[s],
                    ERRORS[s], 10, c.toLatencyMs(), u.toLatencyMs(), BEHIND_MS[s], jvmSecond(s)));
        }
        LatencyHistogram measured = LatencyHistogram.merge(corrected.subList(1, corrected.size()));
        LatencyHistogram measuredUncorrected = LatencyHistogram.merge(uncorrected.subList(1, uncorrected.size()));
        long requests = REQUESTS[1] + REQUESTS[2] + REQUESTS[3];
        ErrorCounts errors = ErrorCounts.of(2, 0, 0, 5, 0, 0, 0);
        double durationS = 3.0;
        LoadSummary summary = new LoadSummary(requests, durationS,
                round((requests - errors.total()) / durationS, 10),
                round(100.0 * errors.total() / requests, 1000),
                errors, new ConnectionCounts(12, 10, 2, 0),
                measured.toLatencyMs(), measuredUncorrected.toLatencyMs(),
                new GeneratorHealth(BEHIND_MS[1] + BEHIND_MS[2] + BEHIND_MS[3], true));

        List<Finding> findings = List.of(
                new Finding("error-rate", Severity.GREEN, "Errors stayed below 1 %",
                        "7 of 5,880 requests failed (0.119 %): connect 2, timeout 5", "Nothing to do."),
                new Finding("dispatch-blocked", Severity.RED, "The event loop was blocked for up to 1.4 s",
                        "dispatch delay median 12.1 ms, max 1,402 ms (probed every 10 ms; red at >= 100 ms)\n"
                                + "loop 0 was in Thread.sleep <- SleepWorkload.handle",
                        "Move blocking work off the loop: run the handler on a worker pool (event-loop-offload),"
                                + " or make it non-blocking."),
                new Finding("latency-tail", Severity.YELLOW, "p99 latency is 20 times the median",
                        "p50 2.85 ms | p99 56.8 ms (corrected)", "Look at the GC and dispatch-delay lanes around the slow seconds."));

        return new RunResult(scenario, ENVIRONMENT, STARTED_AT, RunOutcome.COMPLETED, SERVER_URL, summary, intervals,
                measured, measuredUncorrected, telemetry(), List.of(), findings);
    }

    /** The JVM's side of second {@code s} of the open run: the loop blocked longer each second. */
    private static TelemetrySecond jvmSecond(int s) {
        double delay = new double[] {8.5, 45.0, 220.0, 1402.0}[s % 4];
        return new TelemetrySecond(s * 1000L, (s + 1) * 1000L, new DelayMs(delay / 4, delay * 0.9, delay),
                new DelayMs(0.061, 0.42, s == 2 ? 12.5 : 1.2), 96.5 + s, 40.25, 256.0, s == 2 ? 41.0 : null,
                s == 2 ? 1 : 0, s == 2 ? 12.5 : 0, s == 2 ? 12.5 : 0, 0, 0, 0, 0, 0, 1000 - 10 * s, 980.5,
                24, 0, 10, 0, 61, 97.5, 99.25, 12.75, 0.5);
    }

    private static TelemetrySummary telemetry() {
        List<String> sleepStack = List.of("java.lang.Thread.sleepNanos0", "java.lang.Thread.sleep:509",
                "dev.loupe.engine.server.workload.Sleep$Handler.handle:42");
        return new TelemetrySummary(new DelayMs(12.1, 1400.0, 1402.0), new DelayMs(0.061, 0.42, 12.5),
                new TelemetrySummary.Gc(1, 12.5, 12.5),
                new TelemetrySummary.Heap(99.5, 4096.0, 41.0, 1.001, null),
                new TelemetrySummary.Pinned(0, 0), new TelemetrySummary.Contention(0, 0, 0),
                new TelemetrySummary.Threads(24, 0),
                new TelemetrySummary.Process(97.5, 99.25, 61, 10, 0, 12.75, 1.5),
                List.of(new TelemetrySummary.TargetDelay("loop-0", 145, 0, new DelayMs(12.1, 1400.0, 1402.0)),
                        new TelemetrySummary.TargetDelay("loop-1", 150, 0, new DelayMs(11.9, 1380.0, 1390.0))),
                new TelemetrySummary.EvidenceSet(
                        List.of(new Evidence("loop-0", "loupe-server-loop-0 TIMED_WAITING", "server", 140, 5100.5, 1402.0,
                                sleepStack)),
                        List.of(), List.of(),
                        List.of(new Evidence("Thread.sleep", "", "server", 5850, 5860.25, 1.25, sleepStack)),
                        List.of(new Evidence("java.lang.Thread.sleepNanos0", "", "server", 120, 0, 0, sleepStack))),
                0);
    }

    /** The open run's per-interval corrected histograms, for the latency log and journal tests. */
    static List<JournalEntry> openEntries() {
        RunResult r = open();
        List<JournalEntry> entries = new ArrayList<>();
        for (int s = 0; s < r.intervals().size(); s++) {
            entries.add(new JournalEntry(r.intervals().get(s), latencies(s, REQUESTS[s], true), latencies(s, REQUESTS[s], false)));
        }
        return entries;
    }

    /** The open run's seconds as its journal keeps them: error classes, connection events, schedule lag. */
    static List<JournalEntry> openJournalEntries() {
        ErrorCounts[] errors = {ErrorCounts.of(1, 0, 0, 0, 0, 0, 0), ErrorCounts.of(1, 0, 0, 1, 0, 0, 0),
            ErrorCounts.of(0, 0, 0, 3, 0, 0, 0), ErrorCounts.of(1, 0, 0, 1, 0, 0, 0)};
        long[] lagMs = {0, 40, 90, 150};
        List<JournalEntry> entries = new ArrayList<>();
        List<JournalEntry> plain = openEntries();
        for (int s = 0; s < plain.size(); s++) {
            JournalEntry e = plain.get(s);
            entries.add(new JournalEntry(e.interval(), new SecondDetail(e.latency(), e.uncorrectedLatency(),
                    REQUESTS[s] - ERRORS[s], errors[s], s == 0 ? new ConnectionCounts(12, 10, 2, 0) : ConnectionCounts.NONE,
                    lagMs[s])));
        }
        return entries;
    }

    /**
     * The open run killed after its fourth second, rebuilt from its journal: every second kept, the
     * JVM side's seconds on lines of their own, its summary from the last checkpoint, no end line.
     */
    static RunResult crashed() {
        RunResult r = open();
        JournalHeader header = new JournalHeader(r.scenario(), r.environment(), r.startedAt(), r.serverUrl());
        List<JournalEntry> entries = openJournalEntries().stream()
                .map(e -> new JournalEntry(e.interval().withTelemetry(null), e.detail())).toList();
        Journal journal = new Journal(Optional.of(header), entries,
                r.intervals().stream().map(SecondInterval::telemetry).toList(), JournalStacks.NONE,
                Optional.of(r.telemetry()), Optional.empty(), Optional.empty(), List.of());
        return RunRebuild.result(journal, header);
    }

    /**
     * A closed-model run stopped with Ctrl+C after two seconds: no warm-up, no errors, no findings,
     * no thresholds, telemetry off.
     */
    static RunResult closedInterrupted() {
        Scenario scenario = new Scenario("baseline", "",
                new ServerSettings("virtual-threads", 2, "127.0.0.1", 0, Duration.ofSeconds(30), Duration.ofSeconds(10),
                        Duration.ofSeconds(5), 256, 8192, 16384, 1048576, Map.of()),
                new WorkloadSpec("hello", Optional.empty()),
                new LoadSettings(Preset.LIGHT, LoadModel.CLOSED, 10, 0, Schedule.CONSTANT, List.of(),
                        Duration.ofSeconds(10), Duration.ZERO, true, 0, 2, Duration.ofSeconds(2), Duration.ofSeconds(10),
                        Duration.ZERO, RequestTemplate.defaults(), List.of(), 10, 5),
                new TelemetrySettings(false, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(20), true, 85),
                List.of());
        int[] requests = {41_250, 43_871};
        List<SecondInterval> intervals = new ArrayList<>();
        List<LatencyHistogram> parts = new ArrayList<>();
        for (int s = 0; s < requests.length; s++) {
            LatencyHistogram h = closedLatencies(s, requests[s]);
            parts.add(h);
            intervals.add(new SecondInterval(s * 1000L, (s + 1) * 1000L, false, requests[s], requests[s], 0, 10,
                    h.toLatencyMs(), h.toLatencyMs(), 0));
        }
        LatencyHistogram all = LatencyHistogram.merge(parts);
        long total = requests[0] + requests[1];
        LoadSummary summary = new LoadSummary(total, 2.0, round(total / 2.0, 10), 0, ErrorCounts.NONE,
                new ConnectionCounts(10, 10, 0, 0), all.toLatencyMs(), all.toLatencyMs(), GeneratorHealth.OK);
        return new RunResult(scenario, ENVIRONMENT, STARTED_AT, RunOutcome.INTERRUPTED, "http://127.0.0.1:38011/",
                summary, intervals, all, all, List.of());
    }

    /**
     * Second {@code s}'s latencies: 0.8–4.8 ms spread evenly, 2 % of requests 40–70 ms behind a
     * queue, and in second 2 one request caught by a 1.4 s stall. Uncorrected latency is measured
     * from the send, so it sees neither the queue nor the stall.
     */
    private static LatencyHistogram latencies(int s, int n, boolean corrected) {
        Histogram h = LatencyRange.newHistogram();
        for (int i = 0; i < n; i++) {
            long ns = 800_000 + ((i * 7919L + s * 104_729L) % 4000) * 1_000;
            if (corrected && i % 50 == 0) {
                ns += 40_000_000 + (i % 7) * 5_000_000L;
            }
            if (corrected && s == 2 && i == n / 2) {
                ns = 1_400_000_000L;
            }
            h.recordValue(LatencyRange.clampNs(ns));
        }
        return LatencyHistogram.copyOf(h);
    }

    /** A healthy closed-model second: 0.1–0.4 ms, a few at 2 ms. */
    private static LatencyHistogram closedLatencies(int s, int n) {
        Histogram h = LatencyRange.newHistogram();
        for (int i = 0; i < n; i++) {
            long ns = 100_000 + ((i * 7919L + s * 104_729L) % 300) * 1_000;
            if (i % 997 == 0) {
                ns = 2_000_000;
            }
            h.recordValue(ns);
        }
        return LatencyHistogram.copyOf(h);
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}

package dev.loupe.engine.analysis;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Synthetic runs for rule tests: a healthy second by default (1,000 req/s, p99 2 ms, dispatch delay
 * 0.1 ms, no GC, 30 % CPU), changed second by second by a lambda. One warm-up second comes first.
 */
final class Facts {
    /** One second, healthy unless a test says otherwise. */
    static final class Sec {
        double rps = 1000;
        double p99Ms = 2;
        long clientConnections = 10;
        DelayMs dispatch = new DelayMs(0.1, 0.3, 0.5);
        DelayMs hiccup = new DelayMs(0.05, 0.2, 0.4);
        Double heapAfterGcMb;
        int gcPauses;
        double gcPauseMsTotal;
        double gcPauseMsMax;
        int pinnedEvents;
        double pinnedMsTotal;
        int monitorEvents;
        int parkEvents;
        double lockWaitMsTotal;
        int platformThreads = 30;
        int serverConnections = 10;
        int serverQueue;
        Double processCpuPct = 30.0;
        Double machineCpuPct = 35.0;
        double safepointMsTotal;
        boolean telemetry = true;
    }

    private final Scenario scenario;
    private final List<Sec> seconds = new ArrayList<>();
    private ErrorCounts errors = ErrorCounts.NONE;
    private GeneratorHealth generator = GeneratorHealth.OK;
    private final Map<String, Long> workload = new HashMap<>();
    private long refused;
    private double maxHeapMb = 1024;
    private boolean finished = true;
    private final List<Evidence> lateDispatch = new ArrayList<>();
    private final List<Evidence> locks = new ArrayList<>();
    private final List<Evidence> pinning = new ArrayList<>();
    private final List<TelemetrySummary.GcPause> longestPauses = new ArrayList<>();

    private Facts(Scenario scenario) {
        this.scenario = scenario;
    }

    /** A closed-model run of {@code variant} serving {@code workload}, 10 connections. */
    static Facts run(String variant, String workload) {
        return new Facts(scenario("""
                {"name": "t", "server": {"variant": "%s"}, "workload": "%s",
                 "load": {"connections": 10, "duration": "10s", "warmup": "1s"}}""".formatted(variant, workload)));
    }

    /** An open-model run at {@code rateRps}. */
    static Facts open(String variant, String workload, double rateRps) {
        return new Facts(scenario("""
                {"name": "t", "server": {"variant": "%s"}, "workload": "%s",
                 "load": {"model": "open", "rateRps": %s, "connections": 10, "duration": "10s", "warmup": "1s"}}"""
                .formatted(variant, workload, rateRps)));
    }

    private static Scenario scenario(String json) {
        try {
            return new ScenarioReader(dev.loupe.engine.run.RunCatalog.installed()).read(json, "t.json", Path.of("."), Overrides.none());
        } catch (InvalidScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** {@code n} measured seconds after one warm-up second, each shaped by {@code shape(index, second)}. */
    Facts seconds(int n, BiConsumer<Integer, Sec> shape) {
        seconds.add(new Sec()); // the warm-up
        for (int i = 0; i < n; i++) {
            Sec s = new Sec();
            shape.accept(i, s);
            seconds.add(s);
        }
        return this;
    }

    Facts errors(ErrorCounts counts) {
        this.errors = counts;
        return this;
    }

    Facts generator(GeneratorHealth health) {
        this.generator = health;
        return this;
    }

    Facts workload(String counter, long value) {
        workload.put(counter, value);
        return this;
    }

    Facts refused(long connections) {
        this.refused = connections;
        return this;
    }

    Facts maxHeapMb(double mb) {
        this.maxHeapMb = mb;
        return this;
    }

    Facts live() {
        this.finished = false;
        return this;
    }

    Facts lateDispatch(Evidence e) {
        lateDispatch.add(e);
        return this;
    }

    Facts lock(Evidence e) {
        locks.add(e);
        return this;
    }

    Facts pin(Evidence e) {
        pinning.add(e);
        return this;
    }

    Facts gcPause(TelemetrySummary.GcPause pause) {
        longestPauses.add(pause);
        return this;
    }

    RunFacts build() {
        List<SecondInterval> series = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            Sec s = seconds.get(i);
            long start = i * 1000L;
            LatencyMs latency = new LatencyMs(0.1, s.p99Ms / 4, s.p99Ms / 4, s.p99Ms / 3, s.p99Ms / 2, s.p99Ms / 1.5,
                    s.p99Ms, s.p99Ms * 1.2, s.p99Ms * 1.5);
            TelemetrySecond jvm = !s.telemetry ? null : new TelemetrySecond(start, start + 1000, s.dispatch, s.hiccup,
                    200.0, 50.0, 256.0, s.heapAfterGcMb, s.gcPauses, s.gcPauseMsTotal, s.gcPauseMsMax, s.pinnedEvents,
                    s.pinnedMsTotal, s.monitorEvents, s.parkEvents, s.lockWaitMsTotal, 0, 0, s.platformThreads, 0,
                    s.serverConnections, s.serverQueue, 100, s.processCpuPct, s.machineCpuPct, 50, s.safepointMsTotal);
            series.add(new SecondInterval(start, start + 1000, i == 0, Math.round(s.rps), s.rps, 0, s.clientConnections,
                    latency, latency, 0, jvm));
        }
        TelemetrySummary telemetry = !finished ? null : summary();
        return new RunFacts(scenario, model(scenario.server().variant()), series, errors, ConnectionCounts.NONE, generator, telemetry, workload, refused,
                maxHeapMb, finished);
    }

    /** The models Loupe's own variants declare, so the rules can be tested without starting one. */
    private static ConcurrencyModel model(String variant) {
        return switch (variant) {
            case "event-loop" -> ConcurrencyModel.EVENT_LOOP;
            case "event-loop-offload" -> ConcurrencyModel.EVENT_LOOP_OFFLOAD;
            case "thread-per-connection" -> ConcurrencyModel.THREAD_PER_CONNECTION;
            case "accept-pool" -> ConcurrencyModel.ACCEPT_POOL;
            case "fixed-pool", "jdk-httpserver" -> ConcurrencyModel.FIXED_POOL;
            case "virtual-threads" -> ConcurrencyModel.VIRTUAL_THREADS;
            default -> ConcurrencyModel.OTHER;
        };
    }

    private TelemetrySummary summary() {
        return new TelemetrySummary(null, null, new TelemetrySummary.Gc(0, 0, 0, longestPauses),
                new TelemetrySummary.Heap(null, maxHeapMb, null, null, null), new TelemetrySummary.Pinned(0, 0),
                new TelemetrySummary.Contention(0, 0, 0), new TelemetrySummary.Threads(0, 0),
                new TelemetrySummary.Process(null, null, null, 0, 0, 0, 0), List.of(),
                new TelemetrySummary.EvidenceSet(lateDispatch, locks, pinning, List.of(), List.of()), 0);
    }
}

package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Rules;
import dev.loupe.engine.analysis.RunFacts;
import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.measure.IntervalCollector;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.workload.WorkloadStats;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Feeds the rules while a run goes on and at its end. Live, it keeps the run's seconds (the clients'
 * side, the JVM's side as it arrives, joined by time), the measured part's error and connection
 * counts from the 250 ms snapshots and the workload's counters at the end of the warm-up; after each
 * second it evaluates every rule and hands the findings on. At the end it evaluates them once more
 * with the load summary and the telemetry summary, whose evidence (stacks, lock classes) the live
 * findings lack. Snapshots and seconds arrive on the generator's collector thread, telemetry seconds on
 * the telemetry's, so every method is synchronized. Live, it keeps the last {@value #LIVE_SECONDS}
 * seconds of each side, so a long run costs bounded memory and time per second.
 */
public final class RunFindings {
    private static final double MB = 1024.0 * 1024.0;
    /** How many seconds of each side the live evaluation reads: the last hour. */
    static final int LIVE_SECONDS = RunResult.MAX_INTERVALS;

    private final Scenario scenario;
    private final ConcurrencyModel model;
    private final RunningServer server;
    private final Supplier<Map<String, Long>> workload;
    private final Consumer<List<Finding>> onFindings;
    private final double maxHeapMb = Runtime.getRuntime().maxMemory() / MB;
    private final List<SecondInterval> load = new ArrayList<>();
    private final List<TelemetrySecond> jvm = new ArrayList<>();
    private ErrorCounts errors = ErrorCounts.NONE;
    private ConnectionCounts connections = ConnectionCounts.NONE;
    private GeneratorHealth generator = GeneratorHealth.OK;
    private long behindMs;
    private Map<String, Long> workloadAtWarmupEnd;

    /**
     * @param workload reads the workload's counters ({@link WorkloadStats}); may be called on any thread
     * @param onFindings told the live findings after each second, on the collector thread
     */
    RunFindings(Scenario scenario, ConcurrencyModel model, RunningServer server, Supplier<Map<String, Long>> workload,
            Consumer<List<Finding>> onFindings) {
        this.scenario = scenario;
        this.model = model;
        this.server = server;
        this.workload = workload;
        this.onFindings = onFindings;
    }

    synchronized void snapshot(IntervalSnapshot s) {
        connections = connections.plus(s.connections());
        if (s.warmup()) {
            return;
        }
        if (workloadAtWarmupEnd == null) {
            workloadAtWarmupEnd = workload.get();
        }
        errors = errors.plus(s.errors());
        behindMs += s.behindScheduleMs();
        generator = new GeneratorHealth(behindMs, s.scheduleLagMs() * 1_000_000L > IntervalCollector.SATURATION_LAG_NS);
    }

    /** A finished second of the clients' side: evaluates the rules over what arrived so far. */
    void second(SecondInterval second) {
        List<Finding> findings;
        synchronized (this) {
            load.add(second);
            if (load.size() > LIVE_SECONDS) {
                load.removeFirst();
            }
            findings = Rules.evaluate(facts(TelemetryJoin.join(load, jvm), errors, connections, generator, null, false));
        }
        onFindings.accept(findings);
    }

    synchronized void telemetry(TelemetrySecond second) {
        jvm.add(second);
        if (jvm.size() > LIVE_SECONDS) {
            jvm.removeFirst();
        }
    }

    /**
     * The findings of a run judged again from what its journal kept: its series and summaries, without
     * the server's own counters (refused connections, the workload's counters), which live only while
     * it runs. Empty when the scenario's variant is not installed here.
     *
     * @param maxHeapMb the run's max heap
     */
    public static List<Finding> judge(Scenario scenario, List<SecondInterval> seconds, LoadSummary summary,
            TelemetrySummary telemetry, double maxHeapMb) {
        return ScenarioMapping.model(scenario)
                .map(model -> Rules.order(Rules.evaluate(new RunFacts(scenario, model, seconds, summary.errors(),
                        summary.connections(), summary.generator(), telemetry, Map.of(), 0, maxHeapMb, true))))
                .orElse(List.of());
    }

    /** The findings of the finished run, over the final series and summaries. */
    synchronized List<Finding> finish(List<SecondInterval> seconds, LoadSummary summary, TelemetrySummary telemetry) {
        return Rules.evaluate(facts(seconds, summary.errors(), summary.connections(), summary.generator(), telemetry, true));
    }

    private RunFacts facts(List<SecondInterval> seconds, ErrorCounts errorCounts, ConnectionCounts connectionCounts,
            GeneratorHealth health, TelemetrySummary telemetry, boolean finished) {
        return new RunFacts(scenario, model, seconds, errorCounts, connectionCounts, health, telemetry, workloadDelta(),
                server.refusedConnections(), maxHeapMb, finished);
    }

    /** The workload's counters over the measured part: now minus at the end of the warm-up. */
    private Map<String, Long> workloadDelta() {
        Map<String, Long> now = workload.get();
        if (workloadAtWarmupEnd == null || now.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> delta = new HashMap<>();
        now.forEach((k, v) -> delta.put(k, v - workloadAtWarmupEnd.getOrDefault(k, 0L)));
        return delta;
    }
}

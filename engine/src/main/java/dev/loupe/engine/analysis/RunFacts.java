package dev.loupe.engine.analysis;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.scenario.LoadModel;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.Schedule;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What the rules read about one run, finished or still going: the scenario, the per-second series
 * (the clients' side, with the JVM's side joined where it has arrived), the measured part's totals and,
 * at the end, the telemetry summary with its evidence.
 *
 * @param scenario the resolved scenario
 * @param model how the server variant runs requests, as the variant declares it
 * @param seconds the run's seconds so far, warm-up included and marked
 * @param errors failed requests by class over the measured part
 * @param connections connection events over the run
 * @param generator whether the load generator kept its schedule
 * @param telemetry the JVM over the measured part, with stacks and lock classes; null while the run
 *     goes on (the rules then read the per-second series alone) and when telemetry is off
 * @param workload the workload's own counters over the measured part ({@code successes} and
 *     {@code retries} of {@code queue:atom}, …); empty for a workload without
 * @param refusedConnections connections the server answered 503 and closed because it was full
 * @param maxHeapMb the JVM's max heap ({@code -Xmx}), in MB
 * @param finished whether the run is over: a live evaluation passes false
 */
public record RunFacts(
        Scenario scenario,
        ConcurrencyModel model,
        List<SecondInterval> seconds,
        ErrorCounts errors,
        ConnectionCounts connections,
        GeneratorHealth generator,
        TelemetrySummary telemetry,
        Map<String, Long> workload,
        long refusedConnections,
        double maxHeapMb,
        boolean finished) {

    public RunFacts {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(generator, "generator");
        seconds = List.copyOf(seconds);
        workload = Map.copyOf(workload);
    }

    /** The seconds after the warm-up. */
    public List<SecondInterval> measured() {
        return seconds.stream().filter(s -> !s.warmup()).toList();
    }

    /** How long the measured part lasted so far, in ms. */
    public long measuredMs() {
        return measured().stream().mapToLong(s -> s.endMs() - s.startMs()).sum();
    }

    /** The JVM's side of the measured seconds whose telemetry has arrived, in order. */
    public List<TelemetrySecond> jvm() {
        return measured().stream().map(SecondInterval::telemetry).filter(Objects::nonNull).toList();
    }

    /** The sum of one reading over the measured seconds with telemetry. */
    public double jvmSum(ToDoubleFunction<TelemetrySecond> reading) {
        return jvm().stream().mapToDouble(reading).sum();
    }

    /** How long the measured seconds with telemetry last, in ms. */
    public long jvmMs() {
        return jvm().stream().mapToLong(t -> t.endMs() - t.startMs()).sum();
    }

    /** Requests finished in the measured part. */
    public long requests() {
        return measured().stream().mapToLong(SecondInterval::requests).sum();
    }

    /** Whether requests came on a schedule ({@code load.model: open}). */
    public boolean openModel() {
        return scenario.load().model() == LoadModel.OPEN;
    }

    /**
     * The responses per second over the measured part so far (the summary's throughput, from the
     * seconds), or 0 before any measured second.
     */
    public double achievedRps() {
        long ms = measuredMs();
        return ms <= 0 ? 0 : measured().stream().mapToDouble(s -> s.throughputRps() * (s.endMs() - s.startMs())).sum() / ms;
    }

    /**
     * Whether an open model at a fixed rate (constant or Poisson) got at least {@code pct} % of it
     * answered; false for a closed model or a ramp, which have no single rate to meet.
     */
    public boolean rateMet(double pct) {
        double rate = fixedRateRps();
        return rate > 0 && 100 * achievedRps() / rate >= pct;
    }

    /**
     * The rate an open model at a fixed rate (constant or Poisson) asked for, once a measured second
     * has passed; 0 for a closed model, a ramp, or before any measured second.
     */
    public double fixedRateRps() {
        return openModel() && scenario.load().schedule() != Schedule.RAMP && measuredMs() > 0
                ? Math.max(0, scenario.load().rateRps()) : 0;
    }
}

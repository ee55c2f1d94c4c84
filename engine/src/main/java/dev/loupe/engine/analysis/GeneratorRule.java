package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;

import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.units.Numbers;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code results-unreliable}: the measurement itself was limited, so the numbers describe the machine
 * or the generator as much as the server. Always listed first. <b>Red</b> when the generator could not
 * keep its schedule (open model; its backlog was still growing at the end). <b>Yellow</b> when the
 * machine's CPU was at least {@value #MACHINE_CPU_PCT} % busy in the median second (the generator runs in the
 * same JVM and shares the cores with the server; not said of an open model that met its rate, whose
 * generator spins between sends and fills a core by design), or when other processes took at least
 * {@value #COMPETING_PCT} % of it (JDK Mission Control's competing-CPU line).
 */
final class GeneratorRule implements Rule {
    static final String ID = "results-unreliable";
    static final double MACHINE_CPU_PCT = 95;
    static final double COMPETING_PCT = 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        // Medians of the per-second readings: JFR's first CPU reading of a run is often 0.
        double machine = median(facts, TelemetrySecond::machineCpuPct);
        double process = median(facts, TelemetrySecond::processCpuPct);
        if (facts.generator().saturated()) {
            return Optional.of(new Finding(ID, Severity.RED,
                    "Results unreliable: the load generator fell behind its schedule",
                    f("Requests were due but not yet sent for %,d ms of the measured part, and the backlog was still"
                                    + " growing at the end, so the rate asked for was not sent. Latencies still count from"
                                    + " each request's intended start.%s", facts.generator().behindScheduleMs(),
                            Double.isNaN(machine) ? "" : f(" The machine's CPU was %s busy in the median second.",
                                    Numbers.percent(machine))),
                    "Ask for a lower rate if the machine's CPU was full (the generator starved), or add"
                            + " load.connections if it was not (requests waited for a free connection because the"
                            + " server was slow)."));
        }
        if (Double.isNaN(machine)) {
            return Optional.empty();
        }
        double others = Double.isNaN(process) ? 0 : Math.max(0, machine - process);
        if (others >= COMPETING_PCT) {
            return Optional.of(new Finding(ID, Severity.YELLOW,
                    f("Other processes took %s of the machine's CPU during the run", Numbers.percent(others)),
                    f("The machine was %s busy in the median second, Loupe's JVM %s; the rest, %s, was other processes (yellow"
                            + " from %s).", Numbers.percent(machine), Numbers.percent(process), Numbers.percent(others), Numbers.percent(COMPETING_PCT)),
                    "Compare runs only on a quiet machine: close what competes, or repeat the run and compare the"
                            + " medians."));
        }
        if (machine >= MACHINE_CPU_PCT && !facts.rateMet(SaturationRule.RATE_MET_PCT)) {
            return Optional.of(new Finding(ID, Severity.YELLOW,
                    f("The machine's CPU was full (%s): throughput shows the machine's limit", Numbers.percent(machine)),
                    f("The machine was %s busy in the median second (yellow from %s), Loupe's JVM %s. The load generator runs in"
                                    + " the same JVM and shares the cores with the server, so the server got only part of"
                                    + " them.", Numbers.percent(machine), Numbers.percent(MACHINE_CPU_PCT), Numbers.percent(process)),
                    "Read throughput as a lower bound of what the server can do. To find the server's own limit, use"
                            + " fewer connections or an open-model rate below the maximum and watch latency, or run"
                            + " the server (./loupe serve) and the load (./loupe load) as two processes pinned to"
                            + " separate cores (taskset)."));
        }
        return Optional.empty();
    }

    private static double median(RunFacts facts, Function<TelemetrySecond, Double> reading) {
        return Median.of(facts.jvm().stream().map(reading).filter(Objects::nonNull).mapToDouble(Double::doubleValue));
    }
}

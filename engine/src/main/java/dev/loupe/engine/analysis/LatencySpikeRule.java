package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary.GcPause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * {@code latency-spike}: a second whose client p99 rose well above the run's usual p99, matched with
 * what the JVM did in the same second and the one before (latency is recorded when a response
 * completes, so its cause may have started a second earlier). A spike is a measured second whose p99 is
 * at least {@value #SPIKE_FACTOR}× the median of the per-second p99s and at least {@value #SPIKE_MIN_MS}
 * ms above it; the {@value #SHOWN} worst are explained. <b>Yellow</b>; the rules for GC, dispatch
 * delay and locks say how bad their cause is.
 */
final class LatencySpikeRule implements Rule {
    static final String ID = "latency-spike";
    static final double SPIKE_FACTOR = 3;
    static final double SPIKE_MIN_MS = 5;
    static final int SHOWN = 3;
    /** A JVM event counts as a cause from this many ms (a pause, a late probe, a stall). */
    static final double CAUSE_MIN_MS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<SecondInterval> measured = facts.measured().stream().filter(s -> s.requests() > 0).toList();
        if (measured.size() < 3) {
            return Optional.empty();
        }
        double usual = Median.of(measured.stream().mapToDouble(s -> s.latencyMs().p99()));
        double line = Math.max(usual * SPIKE_FACTOR, usual + SPIKE_MIN_MS);
        List<SecondInterval> spikes = measured.stream().filter(s -> s.latencyMs().p99() >= line)
                .sorted(Comparator.comparingDouble((SecondInterval s) -> s.latencyMs().p99()).reversed())
                .limit(SHOWN).sorted(Comparator.comparingLong(SecondInterval::startMs)).toList();
        if (spikes.isEmpty()) {
            return Optional.empty();
        }
        long total = measured.stream().filter(s -> s.latencyMs().p99() >= line).count();
        List<String> lines = new ArrayList<>();
        int explained = 0;
        for (SecondInterval spike : spikes) {
            String cause = cause(facts, spike);
            explained += cause.isEmpty() ? 0 : 1;
            lines.add(f("- p99 rose to %s at %s (usually %s)%s", latencyMs(spike.latencyMs().p99()), Text.at(spike.startMs()),
                    latencyMs(usual), cause.isEmpty() ? (facts.jvm().isEmpty() ? "." : "; the JVM shows no cause in that second or the one before.")
                            : "; " + cause + "."));
        }
        SecondInterval worst = spikes.stream().max(Comparator.comparingDouble(s -> s.latencyMs().p99())).orElseThrow();
        String title = f("Latency spikes: p99 reached %s at %s (usually %s)", latencyMs(worst.latencyMs().p99()),
                Text.at(worst.startMs()), latencyMs(usual));
        String evidence = f("%s with a p99 at least %.0f× the usual %s and %s above it%s:", Text.seconds(total),
                SPIKE_FACTOR, latencyMs(usual), latencyMs(SPIKE_MIN_MS), total > SHOWN ? f(", the %d worst", SHOWN) : "")
                + "\n" + String.join("\n", lines);
        String advice = explained > 0
                ? "Fix the JVM event named beside each spike (see its own finding), and the spike goes with it."
                : facts.jvm().isEmpty()
                        ? "Run with telemetry on to see what the JVM did in those seconds."
                        : "Look at the machine (other processes, CPU frequency) and at what the handler waits on in"
                                + " those seconds: nothing in the JVM explains these spikes.";
        return Optional.of(new Finding(ID, Severity.YELLOW, title, evidence, advice));
    }

    /**
     * What the JVM did in the spike's second and the one before that it does not do every second, or "".
     * A reading counts from {@value #CAUSE_MIN_MS} ms and twice its median over the measured seconds.
     */
    private static String cause(RunFacts facts, SecondInterval spike) {
        List<TelemetrySecond> all = facts.jvm();
        long from = spike.startMs() - 1000;
        List<TelemetrySecond> window = facts.seconds().stream()
                .filter(s -> s.telemetry() != null && s.endMs() > from && s.startMs() < spike.endMs())
                .map(SecondInterval::telemetry).toList();
        List<String> causes = new ArrayList<>();
        double gc = window.stream().mapToDouble(TelemetrySecond::gcPauseMsMax).max().orElse(0);
        if (unusual(gc, all, TelemetrySecond::gcPauseMsMax)) {
            Optional<GcPause> pause = facts.telemetry() == null ? Optional.empty()
                    : facts.telemetry().gc().longest().stream()
                            .filter(p -> p.startMs() + p.pauseMs() > from && p.startMs() < spike.endMs()).findFirst();
            causes.add(pause.map(p -> f("a %s %s pause (%s) started at about %s", latencyMs(p.pauseMs()), p.collector(),
                            p.cause(), Text.at(p.startMs())))
                    .orElseGet(() -> f("a %s GC pause in %s", latencyMs(gc), span(window, t -> t.gcPauseMsMax() == gc))));
        }
        double dispatch = window.stream().map(TelemetrySecond::dispatchDelayMs).filter(d -> d != null)
                .mapToDouble(DelayMs::max).max().orElse(0);
        if (unusual(dispatch, all, t -> t.dispatchDelayMs() == null ? 0 : t.dispatchDelayMs().max())) {
            causes.add(f("dispatch probes ran up to %s late", latencyMs(dispatch)));
        }
        double hiccup = window.stream().map(TelemetrySecond::hiccupMs).filter(d -> d != null)
                .mapToDouble(DelayMs::max).max().orElse(0);
        if (unusual(hiccup, all, t -> t.hiccupMs() == null ? 0 : t.hiccupMs().max()) && hiccup > gc) {
            causes.add(f("the whole JVM stalled up to %s (hiccup probe)", latencyMs(hiccup)));
        }
        double safepoints = window.stream().mapToDouble(TelemetrySecond::safepointMsTotal).max().orElse(0);
        if (unusual(safepoints, all, TelemetrySecond::safepointMsTotal) && gc < CAUSE_MIN_MS) {
            causes.add(f("safepoints stopped every thread for %s", latencyMs(safepoints)));
        }
        double locks = window.stream().mapToDouble(TelemetrySecond::lockWaitMsTotal).max().orElse(0);
        if (unusual(locks, all, TelemetrySecond::lockWaitMsTotal)) {
            causes.add(f("the server's threads waited %s for locks", latencyMs(locks)));
        }
        double pinned = window.stream().mapToDouble(TelemetrySecond::pinnedMsTotal).max().orElse(0);
        if (unusual(pinned, all, TelemetrySecond::pinnedMsTotal)) {
            causes.add(f("virtual threads were pinned for %s", latencyMs(pinned)));
        }
        return String.join(", ", causes);
    }

    private static boolean unusual(double value, List<TelemetrySecond> all, ToDoubleFunction<TelemetrySecond> reading) {
        double median = all.isEmpty() ? 0 : Median.of(all.stream().mapToDouble(reading));
        return value >= CAUSE_MIN_MS && value >= 2 * median;
    }

    private static String span(List<TelemetrySecond> window, Predicate<TelemetrySecond> which) {
        TelemetrySecond t = window.stream().filter(which).findFirst().orElseThrow();
        return f("%s–%s", Text.at(t.startMs()), Text.at(t.endMs()));
    }
}

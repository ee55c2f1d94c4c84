package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;

import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code saturation}: the server could not take all the work offered. Each sign found goes into the
 * evidence; the worst decides the colour.
 *
 * <ul>
 *   <li>Open model at a constant or Poisson rate: throughput below {@value #RATE_MET_PCT} % of
 *       {@code load.rateRps} is <b>red</b>.
 *   <li>503 answers (a capped pool or a full queue refusing work), refused or timed-out connects,
 *       request timeouts: <b>red</b> from {@value #ERRORS_RED_PCT} % of requests, <b>yellow</b> below.
 *   <li>The server's queue growing: its mean length in the last third of the measured seconds at least
 *       {@value #QUEUE_GROWTH}× the first third's and at least {@value #QUEUE_MIN} long: <b>yellow</b>.
 * </ul>
 */
final class SaturationRule implements Rule {
    static final String ID = "saturation";
    static final double RATE_MET_PCT = 95;
    static final double ERRORS_RED_PCT = 1;
    static final double QUEUE_GROWTH = 2;
    static final int QUEUE_MIN = 10;

    @Override
    public String id() {
        return ID;
    }

    /** One sign of saturation: how bad, a few words for the title, a sentence for the evidence. */
    private record Sign(Severity severity, String headline, String evidence) {}

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<Sign> signs = new ArrayList<>();
        rateNotMet(facts).ifPresent(signs::add);
        long requests = Math.max(1, facts.requests());
        String refused = facts.refusedConnections() > 0
                ? f(" (the server refused %,d connections because it was full)", facts.refusedConnections()) : "";
        errors(facts.errors().status5xx(), requests, "5xx answers", refused).ifPresent(signs::add);
        errors(facts.errors().connect(), requests, "connects refused or timed out", "").ifPresent(signs::add);
        errors(facts.errors().timeout(), requests, "requests timed out", "").ifPresent(signs::add);
        queueGrowing(facts.jvm()).ifPresent(signs::add);
        if (signs.isEmpty()) {
            return Optional.empty();
        }
        Sign worst = signs.stream().max(Comparator.comparing(Sign::severity)).orElseThrow();
        String advice = "Find what limits the server before adding load: the other findings say what holds it (a"
                + " lock, a blocked loop, GC, the CPU). Then raise that limit: more workers or loops if they wait on"
                + " I/O, a shorter handler if they compute. Past its limit more load only adds waiting; refusing early"
                + " (503 from a bounded queue) beats timing out, and clients should back off and retry.";
        return Optional.of(new Finding(ID, worst.severity(), "The server is saturated: " + worst.headline(),
                String.join(" ", signs.stream().map(Sign::evidence).toList()), advice));
    }

    private static Optional<Sign> rateNotMet(RunFacts facts) {
        double rate = facts.fixedRateRps();
        if (rate <= 0 || facts.rateMet(RATE_MET_PCT)) {
            return Optional.empty();
        }
        double achieved = facts.achievedRps();
        double pct = 100 * achieved / rate;
        return Optional.of(new Sign(Severity.RED, f("%,.0f of the %,.0f req/s asked were served", achieved, rate),
                f("The open model asked for %,.0f req/s; %,.0f req/s were answered (%.0f %%; red below %.0f %%).",
                        rate, achieved, pct, RATE_MET_PCT)));
    }

    private static Optional<Sign> errors(long count, long requests, String what, String why) {
        if (count == 0) {
            return Optional.empty();
        }
        double pct = 100.0 * count / requests;
        return Optional.of(new Sign(pct >= ERRORS_RED_PCT ? Severity.RED : Severity.YELLOW, f("%,d %s", count, what),
                f("%,d %s%s: %.2f %% of requests (red from %.0f %%).", count, what, why, pct, ERRORS_RED_PCT)));
    }

    private static Optional<Sign> queueGrowing(List<TelemetrySecond> jvm) {
        int third = jvm.size() / 3;
        if (third == 0) {
            return Optional.empty();
        }
        double first = jvm.subList(0, third).stream().mapToInt(TelemetrySecond::serverQueueLength).average().orElse(0);
        double last = jvm.subList(jvm.size() - third, jvm.size()).stream()
                .mapToInt(TelemetrySecond::serverQueueLength).average().orElse(0);
        if (last < QUEUE_MIN || last < QUEUE_GROWTH * Math.max(1, first)) {
            return Optional.empty();
        }
        return Optional.of(new Sign(Severity.YELLOW, f("its queue grew to %.0f", last),
                f("The server's queue grew from %.0f to %.0f waiting on average (first and last third of the seconds).",
                        first, last)));
    }
}

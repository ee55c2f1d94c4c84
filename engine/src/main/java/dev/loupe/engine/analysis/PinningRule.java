package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.List;
import java.util.Optional;

/**
 * {@code pinning}: virtual threads blocked while pinned to their carrier, so the carrier could run no
 * other virtual thread (JDK Mission Control has no rule for this). Since JDK 24 {@code synchronized}
 * no longer pins; native frames and VM frames (class initialisation, for instance) still do. Any pin
 * is <b>yellow</b>; <b>red</b> when pins held on average at least {@value #RED_CARRIERS} of a carrier
 * (pinned time per second of wall time).
 */
final class PinningRule implements Rule {
    static final String ID = "pinning";
    static final double RED_CARRIERS = 0.25;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        long pins = Math.round(facts.jvmSum(TelemetrySecond::pinnedEvents));
        long wallMs = facts.jvmMs();
        if (pins == 0 || wallMs <= 0) {
            return Optional.empty();
        }
        double pinnedMs = facts.jvmSum(TelemetrySecond::pinnedMsTotal);
        double carriers = pinnedMs / wallMs;
        Severity severity = carriers >= RED_CARRIERS ? Severity.RED : Severity.YELLOW;
        List<Evidence> reasons = facts.telemetry() == null ? List.of() : facts.telemetry().evidence().pinning();
        String why = reasons.isEmpty() ? "" : " (" + reasons.getFirst().subject() + ")";
        String title = f("Virtual threads are pinned to their carriers: %,d pins, %s in all%s", pins, latencyMs(pinnedMs), why);
        String evidence = f("%,d times a virtual thread blocked while pinned, for %s in %s: on average %.2f carriers"
                        + " could run nothing else (red from %.2f).", pins, latencyMs(pinnedMs), Text.at(wallMs), carriers,
                RED_CARRIERS)
                + (reasons.isEmpty() ? "" : "\nBy reason and stack:" + Text.evidence(reasons, 3));
        String advice = "Find the native or VM frame in the stack and run that blocking call on a small"
                + " platform-thread pool. A pinned virtual thread keeps its carrier while it blocks, so the few"
                + " carriers (one per core) run out and every other virtual thread waits; also avoid blocking inside"
                + " class initialisers, and keep foreign-function upcalls short.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }
}

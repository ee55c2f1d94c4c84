package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.units.Numbers;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code gc-pressure}: the collector stops the application too much. <b>Red</b> when pauses take at
 * least {@value #SHARE_RED_PCT} % of the wall time in the worst {@value #WINDOW_S} s window (JDK Mission
 * Control's GC pause warning; the whole measured part when it is shorter) or any one second holds at
 * least {@value #SECOND_RED_MS} ms of pauses (Clinic.js Doctor's GC rule); <b>yellow</b> from
 * {@value #SHARE_YELLOW_PCT} % or {@value #SECOND_YELLOW_MS} ms in a second.
 */
final class GcPressureRule implements Rule {
    static final String ID = "gc-pressure";
    static final double SHARE_RED_PCT = 10;
    static final double SHARE_YELLOW_PCT = 5;
    static final double SECOND_RED_MS = 100;
    static final double SECOND_YELLOW_MS = 50;
    /** JDK Mission Control's window for the pause ratio, in seconds of the series. */
    static final int WINDOW_S = 60;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<TelemetrySecond> jvm = facts.jvm();
        long wallMs = facts.jvmMs();
        long pauses = Math.round(facts.jvmSum(TelemetrySecond::gcPauses));
        if (pauses == 0 || wallMs <= 0) {
            return Optional.empty();
        }
        double totalMs = facts.jvmSum(TelemetrySecond::gcPauseMsTotal);
        double longest = jvm.stream().mapToDouble(TelemetrySecond::gcPauseMsMax).max().orElse(0);
        TelemetrySecond worst = jvm.stream().max(Comparator.comparingDouble(TelemetrySecond::gcPauseMsTotal)).orElseThrow();
        double sharePct = worstWindowPct(jvm);
        Severity severity = sharePct >= SHARE_RED_PCT || worst.gcPauseMsTotal() >= SECOND_RED_MS ? Severity.RED
                : sharePct >= SHARE_YELLOW_PCT || worst.gcPauseMsTotal() >= SECOND_YELLOW_MS ? Severity.YELLOW
                : Severity.GREEN;
        if (severity == Severity.GREEN) {
            return Optional.empty();
        }
        double allocation = jvm.stream().mapToDouble(TelemetrySecond::allocationMbPerS).average().orElse(0);
        boolean bySecond = worst.gcPauseMsTotal() >= SECOND_YELLOW_MS
                && (severity == Severity.RED ? sharePct < SHARE_RED_PCT : sharePct < SHARE_YELLOW_PCT);
        double overallPct = 100 * totalMs / wallMs;
        String title = bySecond
                ? f("GC pauses held the application %s in one second (%s of the time overall)", latencyMs(worst.gcPauseMsTotal()),
                        Numbers.percent(overallPct))
                : f("GC pauses take %s of the time%s (longest %s)", Numbers.percent(sharePct),
                        jvm.size() > WINDOW_S ? " in the worst minute" : "", latencyMs(longest));
        String evidence = f("%,d collections paused the application for %s in %s (%s; %s in the worst %d s window);"
                        + " the longest pause was %s; the worst second (%s to %s) held %s of pauses. Allocation rate"
                        + " about %.0f MB/s. Thresholds: %s of the time or %s in one second is red, %s or %s yellow.",
                pauses, latencyMs(totalMs), Text.at(wallMs), Numbers.percent(overallPct), Numbers.percent(sharePct), WINDOW_S,
                latencyMs(longest), Text.at(worst.startMs()),
                Text.at(worst.endMs()), latencyMs(worst.gcPauseMsTotal()), allocation, Numbers.percent(SHARE_RED_PCT),
                latencyMs(SECOND_RED_MS), Numbers.percent(SHARE_YELLOW_PCT), latencyMs(SECOND_YELLOW_MS));
        String advice = "Allocate less per request: reuse buffers, avoid large temporary objects and copies, stream"
                + " instead of building whole bodies. If the heap after each collection is high, give the JVM more"
                + " room (-Xmx) or look for what keeps objects alive (see the heap finding); recording.jfr's"
                + " allocation samples name the classes.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    /**
     * The largest share of wall time spent in pauses over {@value #WINDOW_S} consecutive seconds, in %;
     * over the whole series when it is shorter than that.
     */
    static double worstWindowPct(List<TelemetrySecond> jvm) {
        int window = Math.min(WINDOW_S, jvm.size());
        double worst = 0;
        double pausedMs = 0;
        long wallMs = 0;
        for (int end = 0, start = 0; end < jvm.size(); end++) {
            pausedMs += jvm.get(end).gcPauseMsTotal();
            wallMs += jvm.get(end).endMs() - jvm.get(end).startMs();
            while (end - start + 1 > window) {
                pausedMs -= jvm.get(start).gcPauseMsTotal();
                wallMs -= jvm.get(start).endMs() - jvm.get(start).startMs();
                start++;
            }
            if (end - start + 1 == window && wallMs > 0) {
                worst = Math.max(worst, 100 * pausedMs / wallMs);
            }
        }
        return worst;
    }
}

package dev.loupe.app.live;

import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.analysis.Severity;

/**
 * The status lamp: the dispatch delay's colour now (the last second's worst probe) and the run's
 * verdict so far by Clinic.js Doctor's rule, the one the {@code dispatch-blocked} finding applies at
 * the end (over the measured seconds: red when the median of the per-second medians is at least
 * 10 ms or any probe was at least 100 ms late, yellow from a 10 ms probe). When the two differ,
 * {@link #why} says why, so a loop that is always 20–40 ms late reads yellow now and red overall
 * with the reason beside it.
 *
 * @param now the colour of the last second's worst probe
 * @param nowMs that probe's delay
 * @param run the verdict over the measured seconds so far; null during the warm-up
 * @param medianMs the median of the measured seconds' medians
 * @param maxMs the worst probe of the measured seconds
 */
public record DelayLamp(Severity now, double nowMs, Severity run, double medianMs, double maxMs) {

    /** The verdict by Clinic's rule for a median and a max over the measured seconds. */
    public static Severity verdict(double medianMs, double maxMs) {
        return medianMs >= Severity.YELLOW_DELAY_MS || maxMs >= Severity.RED_DELAY_MS ? Severity.RED
                : maxMs >= Severity.YELLOW_DELAY_MS ? Severity.YELLOW : Severity.GREEN;
    }

    /** Why the run's verdict is what it is, in words; empty when there is none yet. */
    public String why() {
        if (run == null) {
            return "run verdict after the warm-up";
        }
        return switch (run) {
            case RED -> medianMs >= Severity.YELLOW_DELAY_MS
                    ? "median " + latencyMs(medianMs) + " ≥ " + latencyMs(Severity.YELLOW_DELAY_MS)
                    : "a probe waited " + latencyMs(maxMs) + " ≥ " + latencyMs(Severity.RED_DELAY_MS);
            case YELLOW -> "a probe waited " + latencyMs(maxMs) + " ≥ " + latencyMs(Severity.YELLOW_DELAY_MS);
            case GREEN -> "median " + latencyMs(medianMs) + ", worst " + latencyMs(maxMs);
        };
    }
}

package dev.loupe.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code load.search}: find the highest open-model rate at which the server meets an SLO. The rate
 * steps up from {@code startRps}, doubling, until a step breaks the SLO (or reaches {@code maxRps});
 * then it bisects between the highest rate that passed and the lowest that failed until they are
 * within {@code precisionPct} of each other. Each step is a run of the scenario at that rate.
 *
 * @param slo the conditions every step must meet, in the threshold syntax ({@code
 *     summary.latencyMs.p99 < 50})
 * @param startRps the first step's rate
 * @param maxRps the highest rate tried
 * @param precisionPct how close the highest passing and the lowest failing rate must come
 */
public record SearchSpec(List<Threshold> slo, double startRps, double maxRps, double precisionPct) {
    public static final double DEFAULT_START_RPS = 100;
    public static final double DEFAULT_MAX_RPS = 100_000;
    public static final double DEFAULT_PRECISION_PCT = 5;
    /** The most steps a search takes, whatever its precision. */
    public static final int MAX_STEPS = 24;

    public SearchSpec {
        slo = List.copyOf(slo);
        if (slo.isEmpty()) {
            throw new IllegalArgumentException("load.search.slo: empty (expected: at least one condition, e.g."
                    + " {\"summary.latencyMs.p99\": \"< 50\"})");
        }
        if (!(startRps >= 1 && startRps <= 1_000_000)) {
            throw new IllegalArgumentException("load.search.startRps: " + startRps + " (expected: 1..1000000)");
        }
        if (!(maxRps >= startRps && maxRps <= 10_000_000)) {
            throw new IllegalArgumentException("load.search.maxRps: " + maxRps + " (expected: from startRps "
                    + startRps + " to 10000000)");
        }
        if (!(precisionPct >= 0.1 && precisionPct <= 100)) {
            throw new IllegalArgumentException("load.search.precisionPct: " + precisionPct + " (expected: 0.1..100)");
        }
    }

    /** A search for {@code slo} with the defaults. */
    public static SearchSpec of(List<Threshold> slo) {
        return new SearchSpec(slo, DEFAULT_START_RPS, DEFAULT_MAX_RPS, DEFAULT_PRECISION_PCT);
    }

    /** This search with {@code more} conditions after its own. */
    public SearchSpec plus(List<Threshold> more) {
        List<Threshold> all = new ArrayList<>(slo);
        all.addAll(more);
        return new SearchSpec(all, startRps, maxRps, precisionPct);
    }

    @Override
    public String toString() {
        return "search for the highest rate with " + String.join(" and ", slo.stream().map(Objects::toString).toList());
    }
}

package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;

import dev.loupe.engine.series.SecondInterval;
import java.util.List;
import java.util.Optional;

/**
 * {@code cas-retry-storm}: a compare-and-set update loop that loses more often than it wins, each loss
 * throwing away a copy (BunSpreader's "atom" queue). Reads the workload's own {@code successes} and
 * {@code retries} counters over the measured part: <b>yellow</b> from {@value #YELLOW_RETRIES}
 * retries per success, <b>red</b> from {@value #RED_RETRIES}, or from the yellow line when throughput
 * in the last quarter of the measured seconds fell below {@value #COLLAPSE_PCT} % of the first
 * quarter's (the copies grow with the queue, so each retry costs more than the last).
 */
final class CasStormRule implements Rule {
    static final String ID = "cas-retry-storm";
    static final double YELLOW_RETRIES = 0.25;
    static final double RED_RETRIES = 1;
    static final double COLLAPSE_PCT = 50;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        Long successes = facts.workload().get("successes");
        Long retries = facts.workload().get("retries");
        if (successes == null || retries == null || retries == 0) {
            return Optional.empty();
        }
        double perSuccess = retries / (double) Math.max(1, successes);
        if (perSuccess < YELLOW_RETRIES) {
            return Optional.empty();
        }
        List<SecondInterval> measured = facts.measured();
        int quarter = measured.size() / 4;
        double firstRps = quarter == 0 ? 0 : mean(measured.subList(0, quarter));
        double lastRps = quarter == 0 ? 0 : mean(measured.subList(measured.size() - quarter, measured.size()));
        boolean collapsed = quarter > 0 && firstRps > 0 && 100 * lastRps / firstRps < COLLAPSE_PCT;
        Severity severity = perSuccess >= RED_RETRIES || collapsed ? Severity.RED : Severity.YELLOW;
        String title = f("Compare-and-set retry storm: %.1f retries for each update that won", perSuccess);
        String evidence = f("%,d updates won their compare-and-set and %,d lost and were redone (%.2f per win;"
                        + " yellow from %.1f, red from %.1f).", successes, retries, perSuccess, YELLOW_RETRIES, RED_RETRIES)
                + (quarter == 0 ? "" : f(" Throughput went from %,.0f req/s in the first quarter of the measured"
                        + " seconds to %,.0f req/s in the last%s.", firstRps, lastRps,
                        collapsed ? f(", below %.0f %%: a collapse", COLLAPSE_PCT) : ""));
        String advice = "Use a structure made for concurrent updates (a concurrent queue: workload"
                + " queue:concurrent) or a lock that lets one writer in at a time (queue:locked). Every update"
                + " copies the whole structure and loses to any update that lands first, so more threads mean more"
                + " lost copies and bigger copies longer windows to lose in: never copy-on-write a large, often-written"
                + " structure.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    private static double mean(List<SecondInterval> seconds) {
        return seconds.stream().mapToDouble(SecondInterval::throughputRps).average().orElse(0);
    }
}

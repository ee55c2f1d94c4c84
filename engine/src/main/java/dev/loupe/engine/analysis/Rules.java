package dev.loupe.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rules, and the order findings are told in: whether the results can be trusted first, then the
 * worst first (red, yellow, green), in the rules' order within a colour. Rules run in the order below;
 * one that throws is skipped, not allowed to sink the others or the run.
 */
public final class Rules {
    private static final List<Rule> ALL = List.of(new GeneratorRule(), new DispatchBlockedRule(), new GcPressureRule(),
            new HeapTrendRule(), new LockContentionRule(), new PinningRule(), new CasStormRule(), new SaturationRule(),
            new ThreadExplosionRule(), new ConnectionLeakRule(), new LatencySpikeRule());

    private Rules() {}

    /** Every rule, in evaluation order. */
    public static List<Rule> all() {
        return ALL;
    }

    /** What every rule finds in {@code facts}, in the order they are told ({@link #order}). */
    public static List<Finding> evaluate(RunFacts facts) {
        Objects.requireNonNull(facts, "facts");
        List<Finding> found = new ArrayList<>();
        for (Rule rule : ALL) {
            try {
                rule.evaluate(facts).ifPresent(found::add);
            } catch (RuntimeException e) {
                found.add(new Finding(rule.id(), Severity.YELLOW, "The " + rule.id() + " rule could not read this run",
                        "It failed with " + e + ".", "Report this with the run folder; the other findings stand."));
            }
        }
        return order(found);
    }

    /**
     * Findings in the order they are told: {@code results-unreliable} and {@code heap-guard} (what says
     * the numbers are incomplete or cannot be trusted) first, then red, yellow, green; stable within.
     */
    public static List<Finding> order(List<Finding> findings) {
        return findings.stream()
                .sorted(Comparator.comparing((Finding f) -> !aboutTheMeasurement(f))
                        .thenComparing(Finding::severity, Comparator.reverseOrder()))
                .toList();
    }

    private static boolean aboutTheMeasurement(Finding f) {
        return f.severity() != Severity.GREEN
                && (f.rule().equals(GeneratorRule.ID) || f.rule().equals(HEAP_GUARD));
    }

    /** The heap guard's finding, which the run itself makes when the guard stops it. */
    public static final String HEAP_GUARD = "heap-guard";
}

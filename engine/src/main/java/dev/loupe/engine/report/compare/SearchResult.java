package dev.loupe.engine.report.compare;

import dev.loupe.engine.scenario.SearchSpec;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A search's outcome: every step in run order, the highest rate that passed and the lowest that
 * failed.
 *
 * @param scenario the scenario's name
 * @param spec what was searched for
 * @param steps every step, in run order
 * @param interrupted whether Ctrl+C ended the search early
 */
public record SearchResult(String scenario, SearchSpec spec, List<SearchStep> steps, boolean interrupted) {
    public SearchResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(spec, "spec");
        steps = List.copyOf(steps);
    }

    /** The highest rate at which every condition held. */
    public OptionalDouble highestPassingRps() {
        return steps.stream().filter(s -> s.verdict() == SearchStep.Verdict.PASSED).mapToDouble(SearchStep::rateRps).max();
    }

    /** The lowest rate at which a condition broke or the generator could not keep up. */
    public OptionalDouble lowestFailingRps() {
        return steps.stream().filter(s -> s.verdict() == SearchStep.Verdict.FAILED || s.verdict() == SearchStep.Verdict.GENERATOR_LIMITED)
                .mapToDouble(SearchStep::rateRps).min();
    }

    /** Whether the lowest failing rate is the generator's limit rather than the server's. */
    public boolean generatorLimited() {
        OptionalDouble lowest = lowestFailingRps();
        return lowest.isPresent() && steps.stream().anyMatch(s -> s.rateRps() == lowest.getAsDouble()
                && s.verdict() == SearchStep.Verdict.GENERATOR_LIMITED);
    }
}

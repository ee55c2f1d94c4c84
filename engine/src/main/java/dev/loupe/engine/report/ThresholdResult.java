package dev.loupe.engine.report;

import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.units.Numbers;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One judged threshold: {@code result.json}'s {@code thresholds[]} entry, a row of {@code SUMMARY.md}
 * and a test case of the JUnit report.
 *
 * @param metric the {@code result.json} path or derived count, e.g. {@code summary.latencyMs.p99}
 * @param condition the condition as a scenario file writes it, e.g. {@code < 50}
 * @param limit the number compared with, in the metric's unit
 * @param actual the measured value; empty when the result has no number at {@code metric}
 * @param passed whether {@code actual} meets the condition; always false when {@code actual} is empty
 * @param note why there is no actual value, e.g. {@code result.json has no telemetry}; empty otherwise
 */
public record ThresholdResult(
        String metric, String condition, double limit, OptionalDouble actual, boolean passed, Optional<String> note) {

    public ThresholdResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(note, "note");
        if (actual.isEmpty() && (passed || note.isEmpty())) {
            throw new IllegalArgumentException(
                    metric + ": a threshold without an actual value fails and says why (note)");
        }
    }

    /** {@code threshold} judged against {@code actual}. */
    static ThresholdResult measured(Threshold threshold, double actual) {
        return new ThresholdResult(threshold.metric(), threshold.condition(), threshold.limit(),
                OptionalDouble.of(actual), threshold.passes(actual), Optional.empty());
    }

    /** {@code threshold} failed because the result has no number at its metric. */
    static ThresholdResult unresolved(Threshold threshold, String note) {
        return new ThresholdResult(threshold.metric(), threshold.condition(), threshold.limit(),
                OptionalDouble.empty(), false, Optional.of(note));
    }

    /** {@code summary.latencyMs.p99 < 50}: the metric and its condition, as a test's name. */
    public String name() {
        return metric + " " + condition;
    }

    /** The actual value as text, e.g. {@code 61.2}, or {@code none}. */
    public String actualText() {
        return actual.isPresent() ? Numbers.plain(actual.getAsDouble()) : "none";
    }

    /**
     * One line for the console, e.g. {@code FAILED summary.latencyMs.p99 < 50: actual 61.2} or
     * {@code FAILED telemetry.gc.pauses < 5: no value (result.json has no telemetry)}.
     */
    public String verdict() {
        String head = (passed ? "passed " : "FAILED ") + name() + ": ";
        return head + (actual.isPresent() ? "actual " + actualText() : "no value (" + note.orElseThrow() + ")");
    }
}

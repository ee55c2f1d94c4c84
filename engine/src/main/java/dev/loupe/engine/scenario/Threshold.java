package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Numbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass / fail condition on one number of {@code result.json}, written in a scenario's
 * {@code thresholds} as {@code "summary.latencyMs.p99": "< 50"} and on the command line as
 * {@code --threshold 'summary.latencyMs.p99<50'}. The limit is in the metric's own unit (the unit
 * is in the metric's name). A failed threshold makes {@code loupe run} exit 99.
 *
 * @param metric a path in {@code result.json}, or {@code findings.red} / {@code findings.yellow}; see {@link ThresholdMetrics}
 * @param comparison the operator
 * @param limit the number compared with, in the metric's unit
 */
public record Threshold(String metric, Comparison comparison, double limit) {
    /** What a condition should look like, for messages. */
    public static final String CONDITION_EXPECTED = "an operator <, <=, >, >= or == and a number, e.g. \"< 50\"";

    /** The syntax of a condition; the JSON schema's {@code condition} pattern says the same. */
    public static final Pattern CONDITION =
            Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(-?(?:[0-9]+(?:\\.[0-9]+)?)(?:[eE][-+]?[0-9]+)?)\\s*");

    static final String METRIC_EXPECTED =
            "a numeric result.json path such as summary.latencyMs.p99, or findings.red / findings.yellow";

    public Threshold {
        FieldChecks checks = new FieldChecks("thresholds");
        if (metric == null) {
            checks.fail("", FieldChecks.MISSING, METRIC_EXPECTED);
        } else {
            unknownMetric(metric).ifPresent(expected -> checks.fail(metric, "unknown metric", expected));
        }
        checks.present(metric == null ? "" : metric, comparison, "an operator <, <=, >, >= or ==");
        checks.require(Double.isFinite(limit), metric == null ? "" : metric, limit, "a finite number");
        checks.done();
    }

    /** For a metric no threshold may test, what was expected instead (with a "did you mean"). */
    static java.util.Optional<String> unknownMetric(String metric) {
        if (ThresholdMetrics.isKnown(metric)) {
            return java.util.Optional.empty();
        }
        String hint = Suggestions.didYouMean(metric, ThresholdMetrics.KNOWN);
        return java.util.Optional.of(METRIC_EXPECTED + (hint.isEmpty() ? "" : "; " + hint));
    }

    /**
     * A threshold from a scenario file's entry.
     *
     * @param condition e.g. {@code "< 50"} or {@code "==0"}
     * @throws InvalidValueException at path {@code thresholds.<metric>}, naming the metric or the condition
     */
    public static Threshold of(String metric, String condition) {
        Matcher m = condition == null ? null : CONDITION.matcher(condition);
        if (m == null || !m.matches()) {
            throw new InvalidValueException(new InvalidValueException.Violation(
                    "thresholds", metric, FieldChecks.show(condition), CONDITION_EXPECTED));
        }
        return new Threshold(metric, Comparison.bySymbol(m.group(1)).orElseThrow(), Double.parseDouble(m.group(2)));
    }

    /**
     * A threshold from the command line's {@code --threshold} form: the metric, then the condition,
     * e.g. {@code summary.latencyMs.p99<50} or {@code findings.red == 0}.
     *
     * @throws InvalidValueException naming the expression and what was expected
     */
    public static Threshold parse(String expression) {
        int operator = -1;
        for (int i = 0; expression != null && i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '<' || c == '>' || c == '=') {
                operator = i;
                break;
            }
        }
        if (operator <= 0) {
            throw new InvalidValueException(new InvalidValueException.Violation("--threshold", "",
                    FieldChecks.show(expression), "a metric, an operator and a number, e.g. 'summary.latencyMs.p99<50'"));
        }
        return of(expression.substring(0, operator).strip(), expression.substring(operator));
    }

    /** The condition as a scenario file writes it, e.g. {@code < 50}. */
    public String condition() {
        return comparison.symbol() + " " + Numbers.plain(limit);
    }

    /** Whether {@code actual} meets the condition. */
    public boolean passes(double actual) {
        return comparison.test(actual, limit);
    }

    /** e.g. {@code summary.latencyMs.p99 < 50}. */
    @Override
    public String toString() {
        return metric + " " + condition();
    }
}

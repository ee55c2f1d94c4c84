package dev.loupe.engine.report.compare;

import java.util.List;
import java.util.Objects;

/**
 * Baseline against candidate, metric by metric, with the verdict.
 *
 * @param base the baseline's runs, as given
 * @param candidate the candidate's runs
 * @param maxRegressionPct how much worse throughput or p99 may get before it is a regression
 * @param basis what the significance rests on
 * @param rows every metric both sides have, in the order of {@code result.json}
 * @param appeared yellow and red findings the candidate has and the baseline has not
 * @param gone the ones the baseline has and the candidate has not
 * @param verdict regression, improvement or no significant change, and why
 * @param warnings what makes the comparison less trustworthy (a saturated generator, a run that did not complete)
 */
public record Comparison(List<String> base, List<String> candidate, double maxRegressionPct, Basis basis, List<Row> rows,
        List<RunSample.FoundIssue> appeared, List<RunSample.FoundIssue> gone, Verdict verdict, List<String> warnings) {
    /** The p-value below which a change counts as real. */
    public static final double ALPHA = 0.01;

    public Comparison {
        base = List.copyOf(base);
        candidate = List.copyOf(candidate);
        Objects.requireNonNull(basis, "basis");
        rows = List.copyOf(rows);
        appeared = List.copyOf(appeared);
        gone = List.copyOf(gone);
        Objects.requireNonNull(verdict, "verdict");
        warnings = List.copyOf(warnings);
    }

    /** What a change's significance is tested on. */
    public enum Basis {
        /** One run on a side: the seconds of the runs, with Mann-Whitney U. */
        SECONDS,
        /** Several runs on each side: the runs' values, with Welch's t-test (the variance between runs). */
        RUNS
    }

    /** Which way a metric is better. */
    public enum Better {
        HIGHER, LOWER, NEITHER
    }

    /** What became of a metric. */
    public enum Change {
        /** Significantly better. */
        BETTER,
        /** Significantly worse. */
        WORSE,
        /** Significantly different, for a metric that is neither better high nor low. */
        CHANGED,
        /** The difference is within what the runs vary by (benchstat's {@code ~}). */
        NOT_SIGNIFICANT,
        /** Nothing to test it on: a total without per-second values, or too few runs. */
        NOT_TESTED,
        /** The same on both sides. */
        SAME
    }

    /**
     * One metric side by side.
     *
     * @param metric its path in {@code result.json}
     * @param better which way is better
     * @param base the baseline's value (the median of its runs, or the merged histograms' percentile)
     * @param candidate the candidate's
     * @param deltaPct the candidate's change against the baseline in percent; null when the baseline is 0
     * @param pValue the test's two-sided p-value; null when untested
     * @param change what it means
     */
    public record Row(String metric, Better better, double base, double candidate, Double deltaPct, Double pValue,
            Change change) {}

    /**
     * The outcome.
     *
     * @param kind regression, improvement or no change
     * @param reasons the deciding rows in words
     */
    public record Verdict(Kind kind, List<String> reasons) {
        public Verdict {
            Objects.requireNonNull(kind, "kind");
            reasons = List.copyOf(reasons);
        }
    }

    /** The verdict's kind. */
    public enum Kind {
        REGRESSION, IMPROVEMENT, NO_CHANGE
    }

    /** Whether the candidate regressed: exit code 99. */
    public boolean regressed() {
        return verdict.kind() == Kind.REGRESSION;
    }
}

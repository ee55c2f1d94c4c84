package dev.loupe.engine.report.compare;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.report.compare.Comparison.Basis;
import dev.loupe.engine.report.compare.Comparison.Better;
import dev.loupe.engine.report.compare.Comparison.Change;
import dev.loupe.engine.report.compare.Comparison.Kind;
import dev.loupe.engine.report.compare.Comparison.Row;
import dev.loupe.engine.units.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Puts a baseline's runs and a candidate's side by side. A metric's value on a side is its run's, or
 * the median of its runs' (a latency percentile: from the runs' merged histograms when every run has
 * its journal). A change is real when its two-sided p-value is below {@link Comparison#ALPHA}: with
 * one run on a side, Mann-Whitney U over the measured seconds (so it rests on the seconds of one
 * run, not on how runs vary); with several runs on each side, Welch's t-test over the runs' values.
 * A regression is a real throughput drop or p99 rise beyond {@code maxRegressionPct}.
 */
public final class Comparer {
    /** The throughput metric a regression is judged on. */
    public static final String THROUGHPUT = "summary.throughputRps";
    /** The latency metric a regression is judged on. */
    public static final String P99 = "summary.latencyMs.p99";
    private static final Pattern LOWER_IS_BETTER = Pattern.compile(
            ".*([lL]atencyMs|errorRatePct|summary\\.errors\\.|DelayMs|hiccupMs|gc\\.pause|behindScheduleMs|connections\\.failed"
                    + "|pinned\\.|contention\\.|safepointMs|allocationMbPerS).*");

    private Comparer() {}

    /**
     * Compares the sides.
     *
     * @param base one or more runs
     * @param candidate one or more runs
     * @param maxRegressionPct e.g. 5 for 5 %
     */
    public static Comparison compare(List<RunSample> base, List<RunSample> candidate, double maxRegressionPct) {
        if (base.isEmpty() || candidate.isEmpty()) {
            throw new IllegalArgumentException("each side needs a run (base " + base.size() + ", candidate " + candidate.size() + ")");
        }
        Basis basis = base.size() >= 2 && candidate.size() >= 2 ? Basis.RUNS : Basis.SECONDS;
        Set<String> metrics = new LinkedHashSet<>(base.getFirst().metrics().keySet());
        for (RunSample run : base) {
            metrics.retainAll(run.metrics().keySet());
        }
        for (RunSample run : candidate) {
            metrics.retainAll(run.metrics().keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String metric : metrics) {
            rows.add(row(metric, base, candidate, basis));
        }
        List<RunSample.FoundIssue> baseIssues = issues(base);
        List<RunSample.FoundIssue> candidateIssues = issues(candidate);
        List<RunSample.FoundIssue> appeared = candidateIssues.stream().filter(i -> !has(baseIssues, i)).toList();
        List<RunSample.FoundIssue> gone = baseIssues.stream().filter(i -> !has(candidateIssues, i)).toList();
        return new Comparison(base.stream().map(RunSample::source).toList(), candidate.stream().map(RunSample::source).toList(),
                maxRegressionPct, basis, rows, appeared, gone, verdict(rows, maxRegressionPct), warnings(base, candidate));
    }

    private static Row row(String metric, List<RunSample> base, List<RunSample> candidate, Basis basis) {
        double b = value(metric, base);
        double c = value(metric, candidate);
        Double delta = b == 0 ? null : (c - b) / Math.abs(b) * 100;
        Double p = pValue(metric, base, candidate, basis);
        Better better = better(metric);
        Change change;
        if (b == c) {
            change = Change.SAME;
        } else if (p == null) {
            change = Change.NOT_TESTED;
        } else if (p >= Comparison.ALPHA) {
            change = Change.NOT_SIGNIFICANT;
        } else if (better == Better.NEITHER) {
            change = Change.CHANGED;
        } else {
            change = (c > b) == (better == Better.HIGHER) ? Change.BETTER : Change.WORSE;
        }
        return new Row(metric, better, b, c, delta, p, change);
    }

    /** A side's value: its run's, the median of its runs', or a latency percentile of the merged histograms. */
    private static double value(String metric, List<RunSample> runs) {
        if (runs.size() > 1 && metric.startsWith("summary.latencyMs.p") && runs.stream().allMatch(r -> r.latency().isPresent())) {
            LatencyHistogram merged = LatencyHistogram.merge(runs.stream().map(r -> r.latency().orElseThrow()).toList());
            Optional<Double> percentile = percentile(metric.substring("summary.latencyMs.p".length()));
            if (percentile.isPresent()) {
                return Math.round(merged.percentileMs(percentile.get()) * 1000) / 1000.0;
            }
        }
        return median(runs.stream().mapToDouble(r -> r.metrics().get(metric)).toArray());
    }

    /** {@code 50} → 50, {@code 999} → 99.9. */
    private static Optional<Double> percentile(String digits) {
        return switch (digits) {
            case "50", "75", "90", "95", "99" -> Optional.of(Double.parseDouble(digits));
            case "999" -> Optional.of(99.9);
            default -> Optional.empty();
        };
    }

    private static Double pValue(String metric, List<RunSample> base, List<RunSample> candidate, Basis basis) {
        if (basis == Basis.RUNS) {
            double[] b = base.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
            double[] c = candidate.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
            if (variance(b) == 0 && variance(c) == 0) {
                return Arrays.equals(b, c) ? 1.0 : null;
            }
            double p = new TTest().tTest(b, c);
            return Double.isNaN(p) ? null : p;
        }
        double[] b = pooled(metric, base);
        double[] c = pooled(metric, candidate);
        if (b.length < 3 || c.length < 3) {
            return null;
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(b, c);
        return Double.isNaN(p) ? null : p;
    }

    /** Every measured second of a side's runs. */
    private static double[] pooled(String metric, List<RunSample> runs) {
        return runs.stream().flatMapToDouble(r -> Arrays.stream(r.seconds().getOrDefault(metric, new double[0]))).toArray();
    }

    static Better better(String metric) {
        if (metric.endsWith("throughputRps")) {
            return Better.HIGHER;
        }
        return LOWER_IS_BETTER.matcher(metric).matches() ? Better.LOWER : Better.NEITHER;
    }

    private static Comparison.Verdict verdict(List<Row> rows, double maxRegressionPct) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        for (Row row : rows) {
            if (!row.metric().equals(THROUGHPUT) && !row.metric().equals(P99) || row.deltaPct() == null) {
                continue;
            }
            String words = (row.metric().equals(THROUGHPUT) ? "throughput " : "p99 latency ")
                    + signedPercent(row.deltaPct()) + " (p " + (p(row.pValue()).startsWith("<") ? "" : "= ") + p(row.pValue()) + ")";
            if (row.change() == Change.WORSE && Math.abs(row.deltaPct()) > maxRegressionPct) {
                worse.add(words + ", beyond the allowed " + Numbers.plain(maxRegressionPct) + " %");
            } else if (row.change() == Change.BETTER && Math.abs(row.deltaPct()) > maxRegressionPct) {
                better.add(words);
            }
        }
        if (!worse.isEmpty()) {
            return new Comparison.Verdict(Kind.REGRESSION, worse);
        }
        return better.isEmpty() ? new Comparison.Verdict(Kind.NO_CHANGE, List.of())
                : new Comparison.Verdict(Kind.IMPROVEMENT, better);
    }

    private static List<String> warnings(List<RunSample> base, List<RunSample> candidate) {
        List<String> warnings = new ArrayList<>();
        Set<String> scenarios = new LinkedHashSet<>();
        concat(base, candidate).forEach(r -> scenarios.add(r.scenario()));
        if (scenarios.size() > 1) {
            warnings.add("the runs are of different scenarios (" + String.join(", ", scenarios)
                    + "): a difference may be the scenario's, not the code's");
        }
        for (RunSample run : concat(base, candidate)) {
            if (run.metrics().getOrDefault("summary.generator.behindScheduleMs", 0.0) > 0
                    && run.findings().stream().anyMatch(f -> f.rule().equals("results-unreliable"))) {
                warnings.add(run.source() + ": the load generator was saturated, so its numbers describe the generator as much as the server");
            }
            if (!run.outcome().equals("completed")) {
                warnings.add(run.source() + ": the run is " + run.outcome() + ", so its numbers cover only the part that ran");
            }
        }
        if (base.size() == 1 || candidate.size() == 1) {
            warnings.add("one run on a side: the significance rests on the seconds of one run, not on how runs vary;"
                    + " give each side three runs or more for a verdict that holds from run to run");
        }
        return warnings;
    }

    private static List<RunSample> concat(List<RunSample> a, List<RunSample> b) {
        List<RunSample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A side's findings, each rule and severity once. */
    private static List<RunSample.FoundIssue> issues(List<RunSample> runs) {
        List<RunSample.FoundIssue> issues = new ArrayList<>();
        for (RunSample run : runs) {
            for (RunSample.FoundIssue f : run.findings()) {
                if (!has(issues, f)) {
                    issues.add(f);
                }
            }
        }
        return issues;
    }

    private static boolean has(List<RunSample.FoundIssue> issues, RunSample.FoundIssue f) {
        return issues.stream().anyMatch(i -> i.rule().equals(f.rule()) && i.severity().equals(f.severity()));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    }

    /** {@code +3.2 %}, {@code −8.0 %}. */
    static String signedPercent(double pct) {
        String digits = String.format(Locale.ROOT, "%.1f", Math.abs(pct));
        return (pct < 0 && !digits.equals("0.0") ? "−" : "+") + digits + " %";
    }

    /** A p-value in three decimals, {@code < 0.001} below that. */
    public static String p(Double p) {
        if (p == null) {
            return "–";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}

package dev.loupe.engine.report.compare;

import dev.loupe.engine.report.compare.Comparison.Row;
import dev.loupe.engine.units.Numbers;
import java.util.List;

/** The comparison for people: the verdict first, then every metric side by side, then the findings. */
public final class ComparisonMarkdown {
    private ComparisonMarkdown() {}

    /** The file's text. */
    public static String render(Comparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# Loupe comparison: ").append(side(c.base())).append(" → ").append(side(c.candidate())).append("\n\n");
        md.append("**").append(verdictWords(c)).append("**");
        if (!c.verdict().reasons().isEmpty()) {
            md.append(": ").append(String.join("; ", c.verdict().reasons()));
        }
        md.append(".\n\n");
        for (String warning : c.warnings()) {
            md.append("> **Note:** ").append(warning).append(".\n\n");
        }
        md.append("Baseline: ").append(runs(c.base())).append(" · candidate: ").append(runs(c.candidate()))
                .append(" · a change counts when p < ").append(Numbers.plain(Comparison.ALPHA)).append(" (")
                .append(basis(c)).append("); a regression is a throughput drop or p99 rise beyond ")
                .append(Numbers.plain(c.maxRegressionPct())).append(" %.\n\n");
        md.append("## Metrics\n\n");
        md.append("| metric | baseline | candidate | change | p |\n|---|---:|---:|---|---:|\n");
        for (Row row : c.rows()) {
            md.append("| ").append(row.metric()).append(" | ").append(MetricText.value(row.metric(), row.base()))
                    .append(" | ").append(MetricText.value(row.metric(), row.candidate())).append(" | ")
                    .append(change(row)).append(" | ").append(Comparer.p(row.pValue())).append(" |\n");
        }
        md.append("\n`~`: the difference is within what the ").append(c.basis() == Comparison.Basis.RUNS ? "runs" : "seconds")
                .append(" vary by. `not tested`: a total with no per-second values");
        if (c.basis() == Comparison.Basis.RUNS) {
            md.append(" or too few runs");
        }
        md.append(".\n\n## Findings\n\n");
        if (c.appeared().isEmpty() && c.gone().isEmpty()) {
            md.append("The same yellow and red findings on both sides.\n");
        }
        findings(md, "Appeared in the candidate", c.appeared());
        findings(md, "Gone from the candidate", c.gone());
        return md.toString();
    }

    public static String verdictWords(Comparison c) {
        return switch (c.verdict().kind()) {
            case REGRESSION -> "✗ Verdict: regression";
            case IMPROVEMENT -> "✓ Verdict: improvement";
            case NO_CHANGE -> "= Verdict: no significant change in throughput or p99 latency beyond "
                    + Numbers.plain(c.maxRegressionPct()) + " %";
        };
    }

    public static String basis(Comparison c) {
        return c.basis() == Comparison.Basis.RUNS ? "Welch's t-test over the runs"
                : "Mann-Whitney U over the measured seconds";
    }

    /** What happened to a row, in words with a sign: {@code −8.0 % worse}, {@code ~ (+0.4 %)}. */
    public static String change(Row row) {
        String delta = row.deltaPct() == null ? "" : Comparer.signedPercent(row.deltaPct());
        return switch (row.change()) {
            case BETTER -> delta + " ✓ better";
            case WORSE -> delta + " ✗ worse";
            case CHANGED -> delta + " changed";
            case NOT_SIGNIFICANT -> "~" + (delta.isEmpty() ? "" : " (" + delta + ")");
            case NOT_TESTED -> (delta.isEmpty() ? "" : delta + " ") + "not tested";
            case SAME -> "same";
        };
    }

    private static void findings(StringBuilder md, String heading, List<RunSample.FoundIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        md.append(heading).append(":\n\n");
        for (RunSample.FoundIssue f : issues) {
            md.append("- ").append(f.severity().equals("red") ? "🔴 red" : "🟡 yellow").append(" · ").append(f.title())
                    .append(" (").append(f.rule()).append(")\n");
        }
        md.append('\n');
    }

    private static String side(List<String> sources) {
        return sources.size() == 1 ? "`" + sources.getFirst() + "`" : sources.size() + " runs";
    }

    private static String runs(List<String> sources) {
        return sources.stream().map(s -> "`" + s + "`").reduce((a, b) -> a + ", " + b).orElse("")
                + " (" + Numbers.count(sources.size(), "run") + ")";
    }
}

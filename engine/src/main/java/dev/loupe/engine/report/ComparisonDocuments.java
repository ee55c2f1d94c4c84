package dev.loupe.engine.report;

import dev.loupe.engine.chart.Palette;
import dev.loupe.engine.report.ReportPages.Style;
import dev.loupe.engine.report.compare.Comparer;
import dev.loupe.engine.report.compare.Comparison;
import dev.loupe.engine.report.compare.ComparisonMarkdown;
import dev.loupe.engine.report.compare.MetricText;
import dev.loupe.engine.report.compare.RunSample;
import dev.loupe.engine.units.Numbers;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code loupe compare --pdf FILE --html FILE}: the comparison as SUMMARY.md has it, as a PDF or a page. */
public final class ComparisonDocuments {
    private ComparisonDocuments() {}

    /** Writes the comparison as a PDF to {@code file}, atomically. */
    public static void writePdf(Path file, Comparison c) throws IOException {
        PagedDocument.pdf(file, title(c), pages -> content(c, pages));
    }

    /** Writes the comparison as one self-contained page to {@code file}, atomically. */
    public static void writeHtml(Path file, Comparison c) throws IOException {
        PagedDocument.html(file, title(c), pages -> content(c, pages));
    }

    static String title(Comparison c) {
        return "Loupe comparison: " + side(c.base()) + " → " + side(c.candidate());
    }

    private static String side(List<String> sources) {
        return sources.size() == 1 ? sources.getFirst() : sources.size() + " runs";
    }

    static void content(Comparison c, ReportPages p) throws IOException {
        p.text(Style.TITLE, 0, "Loupe comparison");
        p.text(Style.MUTED, 0, side(c.base()) + " → " + side(c.candidate()));
        Color mark = switch (c.verdict().kind()) {
            case REGRESSION -> Palette.RED;
            case IMPROVEMENT -> Palette.GREEN;
            case NO_CHANGE -> Palette.GREEN;
        };
        p.marked(mark, Style.STRONG, ComparisonMarkdown.verdictWords(c)
                + (c.verdict().reasons().isEmpty() ? "" : ": " + String.join("; ", c.verdict().reasons())) + ".");
        for (String warning : c.warnings()) {
            p.marked(Palette.YELLOW, Style.BODY, "Note: " + warning + ".");
        }
        p.text(Style.MUTED, 0, "Baseline: " + String.join(", ", c.base()) + " · candidate: " + String.join(", ", c.candidate())
                + " · a change counts when p < " + Numbers.plain(Comparison.ALPHA) + " (" + ComparisonMarkdown.basis(c)
                + "); a regression is a throughput drop or p99 rise beyond " + Numbers.plain(c.maxRegressionPct()) + " %.");
        p.text(Style.HEADING, 0, "Metrics");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "baseline", "candidate", "change", "p"));
        for (Comparison.Row row : c.rows()) {
            rows.add(List.of(row.metric(), MetricText.value(row.metric(), row.base()),
                    MetricText.value(row.metric(), row.candidate()), ComparisonMarkdown.change(row), Comparer.p(row.pValue())));
        }
        p.table(rows, new float[] {0.36f, 0.17f, 0.17f, 0.2f, 0.1f}, false);
        p.text(Style.MUTED, 0, "~: the difference is within what the " + (c.basis() == Comparison.Basis.RUNS ? "runs" : "seconds")
                + " vary by. not tested: a total with no per-second values.");
        p.text(Style.HEADING, 0, "Findings");
        if (c.appeared().isEmpty() && c.gone().isEmpty()) {
            p.text(Style.BODY, 0, "The same yellow and red findings on both sides.");
        }
        findings(p, "Appeared in the candidate", c.appeared());
        findings(p, "Gone from the candidate", c.gone());
    }

    private static void findings(ReportPages p, String heading, List<RunSample.FoundIssue> issues) throws IOException {
        if (issues.isEmpty()) {
            return;
        }
        p.text(Style.SUBHEADING, 0, heading);
        for (RunSample.FoundIssue f : issues) {
            p.marked(f.severity().equals("red") ? Palette.RED : Palette.YELLOW, Style.BODY,
                    f.severity() + " · " + f.title() + " (" + f.rule() + ")");
        }
    }
}

package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.chart.GridCharts;
import dev.loupe.engine.chart.Palette;
import dev.loupe.engine.report.ReportPages.Style;
import dev.loupe.engine.report.compare.GridCell;
import dev.loupe.engine.report.compare.GridComparison;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A matrix's or sweep's {@code report.pdf} and {@code report.html}: the runs side by side as a table,
 * grouped bars of throughput and p99 per run (grouped by every field but the last, a bar per value of
 * the last), and for a sweep the scaling curve against the ideal line. Each run's own reports are in
 * its folder.
 */
public final class GridDocuments {
    private static final float CHART_HEIGHT = 190;

    private GridDocuments() {}

    /** Writes both into {@code folder}, each atomically. */
    public static void write(Path folder, GridComparison g) throws IOException {
        PagedDocument.pdf(folder.resolve(PdfReport.FILE_NAME), title(g), pages -> content(g, pages));
        PagedDocument.html(folder.resolve(HtmlReport.FILE_NAME), title(g), pages -> content(g, pages));
    }

    static String title(GridComparison g) {
        return "Loupe " + g.grid().kind() + ": " + g.scenario() + " — " + Numbers.count(g.cells().size(), "run");
    }

    static void content(GridComparison g, ReportPages p) throws IOException {
        p.text(Style.TITLE, 0, title(g));
        p.text(Style.MUTED, 0, "Each run is a full run folder below this one (" + g.cells().getFirst().folder()
                + " and on), with its own report; the numbers here are the measured parts'.");
        long notRun = g.cells().stream().filter(c -> c.status() == GridCell.Status.NOT_RUN).count();
        long failed = g.cells().stream().filter(c -> c.status() == GridCell.Status.FAILED_TO_RUN).count();
        if (notRun > 0) {
            p.marked(Palette.YELLOW, Style.STRONG, "Interrupted: " + (g.cells().size() - notRun) + " of "
                    + g.cells().size() + " runs ran; the comparison covers those.");
        }
        if (failed > 0) {
            p.marked(Palette.RED, Style.STRONG, Numbers.count(failed, "run") + " failed to run; the table says why.");
        }
        table(g, p);
        List<ScenarioGrid.Axis> axes = g.grid().axes();
        List<String> groups = groups(g);
        List<String> series = axes.size() == 1 ? List.of(axes.getFirst().path()) : axes.getLast().values();
        p.keep(CHART_HEIGHT + 30);
        p.text(Style.HEADING, 0, "Throughput per run");
        p.chart(GridCharts.groupedBars("Throughput" + grouping(axes), "req/s", groups, series,
                values(g, groups, r -> r.summary().throughputRps()), ChartTheme.LIGHT, ReportFonts.charts()), CHART_HEIGHT);
        p.keep(CHART_HEIGHT + 30);
        p.text(Style.HEADING, 0, "p99 latency per run");
        p.chart(GridCharts.groupedBars("p99 latency (corrected)" + grouping(axes), "ms", groups, series,
                values(g, groups, r -> r.summary().latencyMs().p99()), ChartTheme.LIGHT, ReportFonts.charts()), CHART_HEIGHT);
        scaling(g, p);
    }

    private static String grouping(List<ScenarioGrid.Axis> axes) {
        return axes.size() == 1 ? " by " + axes.getFirst().path() : ", a bar per " + axes.getLast().path();
    }

    private static void table(GridComparison g, ReportPages p) throws IOException {
        p.text(Style.HEADING, 0, "Runs");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#"));
        g.grid().axes().forEach(a -> header.add(a.path().substring(a.path().lastIndexOf('.') + 1)));
        header.addAll(List.of("status", "throughput", "p50", "p99", "errors", "findings"));
        rows.add(header);
        int best = g.best().orElse(-1);
        for (int i = 0; i < g.cells().size(); i++) {
            GridCell c = g.cells().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(c.cell().index() + 1)));
            g.grid().axes().forEach(a -> row.add(c.cell().assignments().get(a.path())));
            row.add(c.status().shown() + c.problem().map(pr -> ": " + pr).orElse(""));
            if (c.result().isPresent()) {
                RunResult r = c.result().get();
                row.add(Numbers.rateRps(r.summary().throughputRps()) + (i == best ? " ★" : ""));
                row.add(Numbers.latencyMs(r.summary().latencyMs().p50()));
                row.add(Numbers.latencyMs(r.summary().latencyMs().p99()));
                row.add(Numbers.percent(r.summary().errorRatePct()));
                long red = r.findings().stream().filter(f -> f.severity() == Severity.RED).count();
                long yellow = r.findings().stream().filter(f -> f.severity() == Severity.YELLOW).count();
                row.add(red + yellow == 0 ? "none" : (red > 0 ? red + " red" : "") + (red > 0 && yellow > 0 ? ", " : "")
                        + (yellow > 0 ? yellow + " yellow" : ""));
            } else {
                row.addAll(List.of("–", "–", "–", "–", "–"));
            }
            rows.add(row);
        }
        p.table(rows, shares(header, g.grid().axes().size()), false);
        if (best >= 0) {
            p.text(Style.MUTED, 0, "★ the highest throughput: run " + (g.cells().get(best).cell().index() + 1) + " ("
                    + g.cells().get(best).cell().label() + ").");
        }
    }

    /** Each column's share of the width: the run number narrow, the status wide, the rest alike. */
    private static float[] shares(List<String> header, int axes) {
        float[] widths = new float[header.size()];
        float sum = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i == 0 ? 0.35f : header.get(i).equals("status") ? 1.6f : i <= axes ? 1.5f : header.get(i).equals("throughput") ? 1.3f : 1f;
            sum += widths[i];
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] /= sum;
        }
        return widths;
    }

    /** The groups of the bars: every combination of the fields but the last, in run order. */
    private static List<String> groups(GridComparison g) {
        List<ScenarioGrid.Axis> axes = g.grid().axes();
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        for (GridCell c : g.cells()) {
            groups.add(group(c.cell().assignments(), axes));
        }
        return List.copyOf(groups);
    }

    private static String group(Map<String, String> assignments, List<ScenarioGrid.Axis> axes) {
        if (axes.size() == 1) {
            return assignments.get(axes.getFirst().path());
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size() - 1; i++) {
            parts.add(assignments.get(axes.get(i).path()));
        }
        return String.join(" · ", parts);
    }

    private static double[][] values(GridComparison g, List<String> groups, ToDoubleFunction<RunResult> metric) {
        List<ScenarioGrid.Axis> axes = g.grid().axes();
        int seriesCount = axes.size() == 1 ? 1 : axes.getLast().values().size();
        double[][] values = new double[groups.size()][seriesCount];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (GridCell c : g.cells()) {
            if (c.result().isEmpty()) {
                continue;
            }
            int group = groups.indexOf(group(c.cell().assignments(), axes));
            int series = axes.size() == 1 ? 0 : axes.getLast().values().indexOf(c.cell().assignments().get(axes.getLast().path()));
            values[group][series] = metric.applyAsDouble(c.result().get());
        }
        return values;
    }

    private static void scaling(GridComparison g, ReportPages p) throws IOException {
        List<GridComparison.ScalingPoint> points = g.scaling();
        if (points.size() < 2) {
            return;
        }
        String field = g.grid().axes().getFirst().path();
        p.keep(CHART_HEIGHT + 120);
        p.text(Style.HEADING, 0, "Scaling");
        p.text(Style.MUTED, 0, "Throughput against " + field + ", and the ideal: linear from the first value.");
        double[] x = points.stream().mapToDouble(GridComparison.ScalingPoint::value).toArray();
        double[] y = points.stream().mapToDouble(GridComparison.ScalingPoint::throughputRps).toArray();
        p.chart(GridCharts.scaling(field, x, y, ChartTheme.LIGHT, ReportFonts.charts()), CHART_HEIGHT);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(field, "throughput", "speedup", "ideal", "efficiency"));
        for (GridComparison.ScalingPoint pt : points) {
            rows.add(List.of(Numbers.plain(pt.value()), Numbers.rateRps(pt.throughputRps()),
                    String.format(Locale.ROOT, "%.2f×", pt.speedup()), String.format(Locale.ROOT, "%.2f×", pt.ideal()),
                    String.format(Locale.ROOT, "%.0f %%", pt.efficiencyPct())));
        }
        p.table(rows, new float[] {0.2f, 0.2f, 0.2f, 0.2f, 0.2f}, true);
    }
}

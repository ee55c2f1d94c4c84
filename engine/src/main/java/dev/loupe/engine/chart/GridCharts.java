package dev.loupe.engine.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The charts of a matrix or sweep: grouped bars of one number per run (the runs grouped by all the
 * grid's fields but the last, one bar per value of the last), and a sweep's scaling curve against
 * the ideal line. Plain values in, so any report can draw them.
 */
public final class GridCharts {
    /** The bars' colours, one per value of the grid's last field, in turn. */
    private static final Color[] SERIES = {new Color(0x1F6FEB), new Color(0xE36209), new Color(0x2E7D32),
        new Color(0x8250DF), new Color(0xBF3989), new Color(0x57606A)};

    private GridCharts() {}

    /**
     * Grouped bars.
     *
     * @param groups each group's name (the other fields' values), in order
     * @param series each bar's name within a group (the last field's values)
     * @param values {@code values[group][series]}; NaN for a run that measured nothing (no bar)
     */
    public static JFreeChart groupedBars(String title, String unit, List<String> groups, List<String> series,
            double[][] values, ChartTheme theme, ChartFonts fonts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < series.size(); s++) {
                double v = values[g][s];
                data.addValue(Double.isNaN(v) ? null : v, series.get(s), groups.get(g));
            }
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryMargin(0.2);
        categories.setMaximumCategoryLabelLines(3);
        categories.setMaximumCategoryLabelWidthRatio(1.0f);
        if (groups.size() > 4) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis value = new NumberAxis(unit);
        value.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        for (int s = 0; s < series.size(); s++) {
            bars.setSeriesPaint(s, SERIES[s % SERIES.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, value, bars);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(title, fonts.title(), plot, series.size() > 1);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        chart.setBackgroundPaint(theme.background());
        plot.setBackgroundPaint(theme.background());
        plot.setOutlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        chart.getTitle().setPaint(theme.text());
        TimelineChart.paint(categories, theme, fonts);
        TimelineChart.paint(value, theme, fonts);
        TimelineChart.paintLegend(chart, theme, fonts);
        return chart;
    }

    /**
     * A sweep's throughput against its field's value, solid, and the ideal (the first run's throughput
     * times the value over the first value) dashed.
     */
    public static JFreeChart scaling(String field, double[] values, double[] throughputRps, ChartTheme theme, ChartFonts fonts) {
        double[] ideal = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ideal[i] = throughputRps[0] * values[i] / values[0];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("measured", new double[][] {values, throughputRps});
        data.addSeries("ideal (linear from the first)", new double[][] {values, ideal});
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SERIES[0]);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, theme.text());
        renderer.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        renderer.setSeriesShapesVisible(1, false);
        NumberAxis x = new NumberAxis(field);
        x.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("req/s");
        y.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        double most = 0;
        for (double v : throughputRps) {
            most = Math.max(most, v);
        }
        y.setRange(0, most * 1.5); // the ideal line may climb far above: keep the measured curve readable
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart("Throughput against " + field + " (dashed: ideal)", fonts.title(), plot, true);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        TimelineChart.paint(chart, theme, fonts);
        return chart;
    }

    /**
     * A search's latency against the rate it asked for: each step's p99 as a point, green where the
     * step passed and red where it failed, joined in rate order.
     */
    public static JFreeChart latencyByRate(double[] ratesRps, double[] p99Ms, boolean[] passed, Double sloMs, ChartTheme theme,
            ChartFonts fonts) {
        Integer[] order = new Integer[ratesRps.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ratesRps[a], ratesRps[b]));
        double[] x = new double[order.length];
        double[] y = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = ratesRps[order[i]];
            y[i] = p99Ms[order[i]];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("p99", new double[][] {x, y});
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public java.awt.Paint getItemPaint(int series, int item) {
                return passed[order[item]] ? Palette.GREEN : Palette.RED;
            }
        };
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        renderer.setSeriesPaint(0, theme.text());
        NumberAxis rate = new NumberAxis("requests per second asked for");
        rate.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        NumberAxis latency = new NumberAxis("p99 ms");
        latency.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        XYPlot plot = new XYPlot(data, rate, latency, renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (sloMs != null) {
            org.jfree.chart.plot.ValueMarker slo = new org.jfree.chart.plot.ValueMarker(sloMs, Palette.RED,
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            slo.setLabel("SLO p99 " + NumberFormat.getNumberInstance(Locale.ROOT).format(sloMs) + " ms");
            slo.setLabelFont(fonts.small());
            slo.setLabelPaint(Palette.RED);
            slo.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            slo.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(slo);
        }
        JFreeChart chart = new JFreeChart("p99 latency against the rate (green: passed, red: failed)", fonts.title(), plot, false);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        TimelineChart.paint(chart, theme, fonts);
        return chart;
    }
}

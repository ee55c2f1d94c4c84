package dev.loupe.engine.chart;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.series.SecondInterval;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A finished run's charts, as its reports show them: the dashboard's charts over the run's seconds
 * on one time axis (each thinned to the least and most point per column of the width it is drawn
 * at), and the latency distribution as HdrHistogram plots it, percentiles on a log axis.
 */
public final class RunCharts {
    /** The value axes' width, labels and ticks included, in points. */
    static final double VALUE_AXIS_WIDTH = 52;

    private RunCharts() {}

    /**
     * The dashboard's charts ({@link ChartSpec#dashboard()}) over {@code intervals}.
     *
     * @param columns the width they are drawn at, in points or pixels
     */
    public static List<JFreeChart> timeline(List<SecondInterval> intervals, long warmupMs, int columns, ChartTheme theme,
            ChartFonts fonts) {
        double endS = Math.max(1, intervals.isEmpty() ? 1 : intervals.getLast().endMs() / 1000.0);
        List<JFreeChart> charts = new ArrayList<>();
        for (ChartSpec spec : ChartSpec.dashboard()) {
            DefaultXYDataset lines = new DefaultXYDataset();
            for (Lane lane : spec.lanes()) {
                lines.addSeries(lane.shortLabel().isEmpty() ? lane.label() : lane.shortLabel(),
                        series(intervals, lane, endS, columns, false));
            }
            DefaultXYDataset ticks = null;
            if (spec.gcTicks()) {
                ticks = new DefaultXYDataset();
                ticks.addSeries("GC", series(intervals, Lane.GC_PAUSES, endS, columns, true));
            }
            NumberAxis time = new NumberAxis();
            time.setRange(0, endS);
            JFreeChart chart = TimelineChart.create(spec, lines, ticks, time, fonts);
            if (spec.delayBands() && chart.getXYPlot().getRangeAxis() instanceof LogAxis log) {
                double worst = 0;
                for (SecondInterval s : intervals) {
                    double v = Lane.DISPATCH_MAX.valueOf(s);
                    worst = Double.isNaN(v) ? worst : Math.max(worst, v);
                }
                log.setRange(TimelineChart.LOG_BOTTOM_MS, TimelineChart.logTopMs(worst));
            }
            // every value axis as wide, so the time axes line up down the page and a spike can be followed
            chart.getXYPlot().getRangeAxis().setFixedDimension(VALUE_AXIS_WIDTH);
            if (chart.getXYPlot().getRangeAxis() instanceof NumberAxis linear) {
                linear.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT)); // reports never follow the machine's locale
            }
            TimelineChart.warmUp(chart.getXYPlot(), warmupMs / 1000.0, fonts);
            TimelineChart.paint(chart, theme, fonts);
            charts.add(chart);
        }
        return charts;
    }

    private static double[][] series(List<SecondInterval> intervals, Lane lane, double endS, int columns, boolean ticks) {
        if (lane == Lane.HEAP_USED) {
            return sawtooth(intervals, endS, columns);
        }
        double[] x = new double[intervals.size()];
        double[] y = new double[intervals.size()];
        for (int i = 0; i < x.length; i++) {
            SecondInterval s = intervals.get(i);
            x[i] = s.startMs() / 1000.0;
            double v = lane.valueOf(s);
            y[i] = ticks ? (v > 0 ? 1 : Double.NaN) : v;
        }
        return ticks ? new double[][] {x, y} : Columns.leastAndMost(x, y, 0, endS, columns);
    }

    /**
     * Heap used as a sawtooth: each second's least reading, then its most half a second later, so the
     * collections' drops show at any length (the dashboard's ring keeps the same pair).
     */
    private static double[][] sawtooth(List<SecondInterval> intervals, double endS, int columns) {
        double[] x = new double[2 * intervals.size()];
        double[] y = new double[x.length];
        for (int i = 0; i < intervals.size(); i++) {
            SecondInterval s = intervals.get(i);
            Double least = s.telemetry() == null ? null : s.telemetry().heapUsedMbMin();
            double most = Lane.HEAP_USED.valueOf(s);
            x[2 * i] = s.startMs() / 1000.0;
            y[2 * i] = least == null ? most : least;
            x[2 * i + 1] = (s.startMs() + Math.max(1, s.endMs() - s.startMs()) / 2.0) / 1000.0;
            y[2 * i + 1] = most;
        }
        return Columns.leastAndMost(x, y, 0, endS, columns);
    }

    /**
     * The latency distribution: each percentile's latency, the percentiles spread on a log axis of
     * 1 / (1 − p) so 99 %, 99.9 % and 99.99 % get as much room as 0–90 %; corrected solid, uncorrected
     * dashed (null for a closed model, where the two are the same).
     */
    public static JFreeChart percentiles(LatencyHistogram corrected, LatencyHistogram uncorrected, ChartTheme theme,
            ChartFonts fonts) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("corrected", distribution(corrected));
        if (uncorrected != null) {
            data.addSeries("uncorrected", distribution(uncorrected));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Palette.of(Lane.LATENCY_P99));
        renderer.setSeriesStroke(0, Palette.strokeOf(Lane.LATENCY_P99));
        renderer.setSeriesPaint(1, Palette.of(Lane.LATENCY_P99));
        renderer.setSeriesStroke(1, Palette.strokeOf(Lane.UNCORRECTED_P99));
        renderer.setDrawSeriesLineAsPath(true);
        LogAxis percentile = new LogAxis("percentile");
        percentile.setBase(10);
        percentile.setSmallestValue(1);
        percentile.setTickUnit(new NumberTickUnit(1));
        percentile.setNumberFormatOverride(new PercentileFormat());
        double most = Math.max(10, Math.max(corrected.count(), uncorrected == null ? 0 : uncorrected.count()));
        percentile.setRange(1, Math.pow(10, Math.ceil(Math.log10(most))));
        NumberAxis latency = new NumberAxis("ms");
        latency.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        latency.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, percentile, latency, renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        JFreeChart chart = new JFreeChart("Latency by percentile (dashed: uncorrected)", fonts.title(), plot, uncorrected != null);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        TimelineChart.paint(chart, theme, fonts);
        return chart;
    }

    /** Points at 1 / (1 − p) = 10^(k/10), up to the recorded count, then the maximum at the count itself. */
    private static double[][] distribution(LatencyHistogram h) {
        List<double[]> points = new ArrayList<>();
        long count = h.count();
        if (count > 0) {
            for (int k = 0; Math.pow(10, k / 10.0) < count; k++) {
                double x = Math.pow(10, k / 10.0);
                points.add(new double[] {x, h.percentileMs(100 * (1 - 1 / x))});
            }
            points.add(new double[] {Math.max(count, 1), h.percentileMs(100)});
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    /** 1 / (1 − p) as the percentile p: 1 → 0 %, 10 → 90 %, 1000 → 99.9 %. */
    private static final class PercentileFormat extends NumberFormat {
        @Override
        public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
            double p = 100 * (1 - 1 / x);
            DecimalFormat f = new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return to.append(f.format(p)).append(" %");
        }

        @Override
        public StringBuffer format(long x, StringBuffer to, FieldPosition pos) {
            return format((double) x, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("a label, never read back");
        }
    }
}

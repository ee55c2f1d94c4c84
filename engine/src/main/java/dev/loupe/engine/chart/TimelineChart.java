package dev.loupe.engine.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYDataset;

/**
 * A chart of some lanes over the run's time, as the dashboard and the reports draw it: a time axis in
 * seconds, the lanes' colours and strokes (uncorrected latency dashed), lines without shapes, the
 * dispatch delay on a log scale behind its green / yellow / red bands, thin red ticks at the seconds
 * with a collection, the warm-up shaded.
 */
public final class TimelineChart {
    /** The dispatch-delay axis's range by default: 0.05 ms to 200 ms. */
    public static final double LOG_BOTTOM_MS = 0.05;
    public static final double LOG_TOP_MS = 200;

    private TimelineChart() {}

    /**
     * A chart of {@code spec}'s lanes (series {@code i} of {@code lines} is lane {@code i}).
     *
     * @param gcTicks one series, a point at each second with a collection; null for none
     * @param time the time axis, in seconds; its range is the caller's
     */
    public static JFreeChart create(ChartSpec spec, XYDataset lines, XYDataset gcTicks, NumberAxis time, ChartFonts fonts) {
        XYLineAndShapeRenderer renderer = new SmoothLines();
        for (int i = 0; i < spec.lanes().size(); i++) {
            renderer.setSeriesPaint(i, Palette.of(spec.lanes().get(i)));
            renderer.setSeriesStroke(i, Palette.strokeOf(spec.lanes().get(i)));
            renderer.setSeriesVisibleInLegend(i, !spec.lanes().get(i).uncorrected());
        }
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(lines, time, valueAxis(spec), renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (spec.delayBands()) {
            bands(plot, fonts);
        }
        if (gcTicks != null) {
            NumberAxis hidden = new NumberAxis();
            hidden.setRange(0, 14); // a tick one fourteenth of the plot high, at the bottom
            hidden.setVisible(false);
            XYLineAndShapeRenderer bars = new XYLineAndShapeRenderer(false, true);
            bars.setSeriesShape(0, new Rectangle2D.Double(-0.75, -6, 1.5, 12));
            bars.setSeriesPaint(0, Palette.RED);
            bars.setSeriesVisibleInLegend(0, false);
            plot.setDataset(1, gcTicks);
            plot.setRangeAxis(1, hidden);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, bars);
        }
        time.setNumberFormatOverride(new DecimalFormat("0' s'", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        JFreeChart chart = new JFreeChart(spec.title(), fonts.title(), plot, true);
        chart.setAntiAlias(false); // backgrounds, bands and grid are straight: only the series lines are smoothed
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        return chart;
    }

    /**
     * Lines without shapes, each series one path, antialiased while the rest of the chart is not:
     * smoothing the backgrounds, bands and markers too cost most of a chart's drawing time (they are
     * large areas the rasteriser covers pixel by pixel) and changes nothing one can see.
     */
    private static final class SmoothLines extends XYLineAndShapeRenderer {
        SmoothLines() {
            super(true, false);
        }

        @Override
        protected void drawFirstPassShape(Graphics2D g2, int pass, int series, int item, Shape shape) {
            Object before = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            super.drawFirstPassShape(g2, pass, series, item, shape);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, before == null ? RenderingHints.VALUE_ANTIALIAS_DEFAULT : before);
        }
    }

    /** Delays on a log scale, so 0.1 ms, the 10 ms line and a 500 ms stall are all readable; the rest linear from zero. */
    private static ValueAxis valueAxis(ChartSpec spec) {
        if (spec.delayBands()) {
            LogAxis log = new LogAxis(spec.unit());
            log.setBase(10);
            log.setSmallestValue(0.01);
            log.setNumberFormatOverride(new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setAutoRange(false);
            log.setRange(LOG_BOTTOM_MS, LOG_TOP_MS);
            return log;
        }
        NumberAxis linear = new NumberAxis(spec.unit());
        linear.setAutoRangeIncludesZero(true);
        // every lane is a count, a size or a time: never below zero, and a lane of zeros reads 0 to 1, not ±4E-9
        linear.setRangeType(RangeType.POSITIVE);
        linear.setAutoRangeMinimumSize(1.0);
        if (spec.percent()) {
            linear.setRange(0, 100);
        }
        return linear;
    }

    /** The top of the dispatch-delay axis for a run whose worst probe waited {@code worstMs}: room above it, at least 200 ms. */
    public static double logTopMs(double worstMs) {
        double top = Math.max(LOG_TOP_MS, worstMs * 1.5);
        return Double.isFinite(top) ? top : LOG_TOP_MS;
    }

    private static void bands(XYPlot plot, ChartFonts fonts) {
        plot.addRangeMarker(new IntervalMarker(0, 10, Palette.band(Palette.GREEN)), Layer.BACKGROUND);
        plot.addRangeMarker(new IntervalMarker(10, 100, Palette.band(Palette.YELLOW)), Layer.BACKGROUND);
        plot.addRangeMarker(new IntervalMarker(100, 1e9, Palette.band(Palette.RED)), Layer.BACKGROUND);
        for (double ms : new double[] {10, 100}) {
            ValueMarker line = new ValueMarker(ms, ms == 10 ? Palette.YELLOW : Palette.RED, new BasicStroke(1f));
            line.setLabel(ms == 10 ? "10 ms" : "100 ms");
            line.setLabelFont(fonts.small());
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            line.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            line.setLabelPaint(ms == 10 ? Palette.YELLOW.darker() : Palette.RED);
            plot.addRangeMarker(line);
        }
    }

    /** Shades the first {@code seconds} (the warm-up, left out of the summary and the findings), replacing any shading before. */
    public static void warmUp(XYPlot plot, double seconds, ChartFonts fonts) {
        plot.clearDomainMarkers();
        if (seconds > 0) {
            IntervalMarker warm = new IntervalMarker(0, seconds, new Color(0x80, 0x80, 0x80, 28));
            warm.setLabel("warm-up");
            warm.setLabelFont(fonts.small());
            warm.setLabelPaint(new Color(0x80, 0x80, 0x80));
            warm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            warm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            warm.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addDomainMarker(warm, Layer.BACKGROUND);
        }
    }

    /** {@code theme}'s colours and {@code fonts} into everything around the data: backgrounds, titles, axes, legend. */
    public static void paint(JFreeChart chart, ChartTheme theme, ChartFonts fonts) {
        chart.setBackgroundPaint(theme.background());
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(theme.background());
        plot.setOutlinePaint(theme.grid());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setDomainCrosshairPaint(theme.text());
        for (Object subtitle : chart.getSubtitles()) {
            if (subtitle instanceof TextTitle text) {
                text.setPaint(theme.text());
            }
        }
        TextTitle title = chart.getTitle();
        title.setPaint(theme.text());
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            paint(axis, theme, fonts);
        }
        paintLegend(chart, theme, fonts);
    }

    /** An axis in {@code theme}'s colours and the small font. */
    static void paint(org.jfree.chart.axis.Axis axis, ChartTheme theme, ChartFonts fonts) {
        axis.setLabelPaint(theme.text());
        axis.setTickLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.grid());
        axis.setTickMarkPaint(theme.grid());
        axis.setLabelFont(fonts.small());
        axis.setTickLabelFont(fonts.small());
    }

    /** The legend, if any, and the chart's border in {@code theme}'s colours. */
    static void paintLegend(JFreeChart chart, ChartTheme theme, ChartFonts fonts) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(theme.background());
            legend.setItemPaint(theme.text());
            legend.setItemFont(fonts.legend());
            legend.setFrame(BlockBorder.NONE);
            legend.setBorder(0, 0, 0, 0);
        }
        chart.setBorderPaint(new Color(0, 0, 0, 0));
    }
}

package dev.loupe.app.chart;

import dev.loupe.app.live.Lane;
import dev.loupe.app.live.LiveTimeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.OptionalDouble;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * One live chart: a JFreeChart drawn on a canvas that fills its region, its time axis fixed to the
 * run's planned length so every chart shares it, lines without shapes. {@link #refresh} redraws it
 * from the timeline once; {@link #hover} draws the shared crosshair.
 */
final class LaneChart extends Region {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    private final ChartSpec spec;
    private final LiveTimeline timeline;
    private final RingDataset lines;
    private final RingDataset ticks;
    private final JFreeChart chart;
    private final ChartCanvas canvas;
    private final NumberAxis time = new NumberAxis();
    private final TextTitle values = new TextTitle(" ", SMALL);

    LaneChart(ChartSpec spec, LiveTimeline timeline) {
        this.spec = spec;
        this.timeline = timeline;
        lines = new RingDataset(timeline, spec.lanes());
        ticks = spec.gcTicks() ? new RingDataset(timeline, List.of(Lane.GC_PAUSES), v -> v > 0 ? 1 : Double.NaN) : null;
        ValueAxis value = valueAxis(spec);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < spec.lanes().size(); i++) {
            renderer.setSeriesPaint(i, Palette.of(spec.lanes().get(i)));
            renderer.setSeriesStroke(i, Palette.strokeOf(spec.lanes().get(i)));
            renderer.setSeriesVisibleInLegend(i, !spec.lanes().get(i).uncorrected());
        }
        renderer.setDrawSeriesLineAsPath(false);
        XYPlot plot = new XYPlot(lines, time, value, renderer);
        plot.setDomainCrosshairVisible(false);
        plot.setDomainCrosshairLockedOnData(false);
        plot.setDomainCrosshairStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (spec.delayBands()) {
            bands(plot);
        }
        if (ticks != null) {
            NumberAxis hidden = new NumberAxis();
            hidden.setRange(0, 14); // a tick one fourteenth of the plot high, at the bottom
            hidden.setVisible(false);
            XYLineAndShapeRenderer bars = new XYLineAndShapeRenderer(false, true);
            bars.setSeriesShape(0, new Rectangle2D.Double(-0.75, -6, 1.5, 12));
            bars.setSeriesPaint(0, Palette.RED);
            bars.setSeriesVisibleInLegend(0, false);
            plot.setDataset(1, ticks);
            plot.setRangeAxis(1, hidden);
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, bars);
        }
        time.setNumberFormatOverride(new DecimalFormat("0' s'"));
        chart = new JFreeChart(spec.title(), TITLE, plot, true);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 4, 2, 8));
        values.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(values);
        canvas = new ChartCanvas(chart);
        canvas.setTooltipEnabled(false);
        getChildren().add(canvas);
        setId("chart-" + spec.id());
        setMinSize(120, 100);
        time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        theme(ChartTheme.LIGHT);
        refresh();
        draw();
    }

    /** Delays on a log scale, so 0.1 ms, the 10 ms line and a 500 ms stall are all readable; the rest linear from zero. */
    private static ValueAxis valueAxis(ChartSpec spec) {
        if (spec.delayBands()) {
            LogAxis log = new LogAxis(spec.unit());
            log.setBase(10);
            log.setSmallestValue(0.01);
            log.setNumberFormatOverride(new DecimalFormat("0.##"));
            log.setAutoRange(false);
            log.setRange(0.05, 200);
            return log;
        }
        NumberAxis linear = new NumberAxis(spec.unit());
        linear.setAutoRangeIncludesZero(true);
        if (spec.percent()) {
            linear.setRange(0, 100);
        }
        return linear;
    }

    private static void bands(XYPlot plot) {
        plot.addRangeMarker(new IntervalMarker(0, 10, Palette.band(Palette.GREEN)), Layer.BACKGROUND);
        plot.addRangeMarker(new IntervalMarker(10, 100, Palette.band(Palette.YELLOW)), Layer.BACKGROUND);
        plot.addRangeMarker(new IntervalMarker(100, 1e9, Palette.band(Palette.RED)), Layer.BACKGROUND);
        for (double ms : new double[] {10, 100}) {
            ValueMarker line = new ValueMarker(ms, ms == 10 ? Palette.YELLOW : Palette.RED, new BasicStroke(1f));
            line.setLabel(ms == 10 ? "10 ms" : "100 ms");
            line.setLabelFont(SMALL);
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            line.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            line.setLabelPaint(ms == 10 ? Palette.YELLOW.darker() : Palette.RED);
            plot.addRangeMarker(line);
        }
    }

    ChartSpec spec() {
        return spec;
    }

    /** Redraws from the timeline: one change event per dataset, at most one least/most pair per pixel column. */
    void refresh() {
        chart.setNotify(false);
        double end = Math.max(1, timeline.totalMs() / 1000.0);
        if (time.getUpperBound() != end || time.getLowerBound() != 0) {
            time.setRange(0, end);
        }
        warmUp(timeline.warmupMs() / 1000.0);
        if (chart.getXYPlot().getRangeAxis() instanceof LogAxis log) {
            double top = Math.max(200, timeline.ring(Lane.DISPATCH_MAX).highest() * 1.5);
            if (Double.isFinite(top) && top != log.getUpperBound()) {
                log.setRange(0.05, top);
            }
        }
        int columns = Math.max(50, (int) getWidth());
        lines.refresh(columns);
        if (ticks != null) {
            ticks.refresh(columns);
        }
    }

    private double shadedS = -1;

    /** The warm-up, shaded: it is left out of the summary and the findings. */
    private void warmUp(double seconds) {
        if (seconds == shadedS) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        plot.clearDomainMarkers();
        if (seconds > 0) {
            IntervalMarker warm = new IntervalMarker(0, seconds, new Color(0x80, 0x80, 0x80, 28));
            warm.setLabel("warm-up");
            warm.setLabelFont(SMALL);
            warm.setLabelPaint(new Color(0x80, 0x80, 0x80));
            warm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            warm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            warm.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addDomainMarker(warm, Layer.BACKGROUND);
        }
        shadedS = seconds;
    }

    /** Sets the values line without drawing; {@link #draw} draws once after every change of a tick. */
    void values(String text) {
        chart.setNotify(false);
        if (!values.getText().equals(text)) {
            values.setText(text);
        }
    }

    /** Draws the chart once, after {@link #refresh}, {@link #values} or {@link #hover}. */
    void draw() {
        chart.setNotify(true);
    }

    /** Shows the crosshair at {@code seconds}, or hides it. */
    void hover(OptionalDouble seconds) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainCrosshairVisible(seconds.isPresent());
        seconds.ifPresent(plot::setDomainCrosshairValue);
    }

    /** The time under {@code xPixel} of this chart's canvas, in seconds; empty outside the plot. */
    OptionalDouble timeAt(double xPixel) {
        if (canvas.getRenderingInfo() == null) {
            return OptionalDouble.empty();
        }
        Rectangle2D area = canvas.getRenderingInfo().getPlotInfo().getDataArea();
        if (xPixel < area.getMinX() || xPixel > area.getMaxX()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(time.java2DToValue(xPixel, area, RectangleEdge.BOTTOM));
    }

    void theme(ChartTheme theme) {
        chart.setNotify(false);
        chart.setBackgroundPaint(theme.background());
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(theme.background());
        plot.setOutlinePaint(theme.grid());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setDomainCrosshairPaint(theme.text());
        TextTitle title = chart.getTitle();
        title.setPaint(theme.text());
        values.setPaint(theme.text());
        for (ValueAxis axis : new ValueAxis[] {time, plot.getRangeAxis()}) {
            axis.setLabelPaint(theme.text());
            axis.setTickLabelPaint(theme.text());
            axis.setAxisLinePaint(theme.grid());
            axis.setTickMarkPaint(theme.grid());
            axis.setLabelFont(SMALL);
            axis.setTickLabelFont(SMALL);
        }
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(theme.background());
        legend.setItemPaint(theme.text());
        legend.setItemFont(LEGEND);
        legend.setFrame(BlockBorder.NONE);
        Color none = new Color(0, 0, 0, 0);
        legend.setBorder(0, 0, 0, 0);
        chart.setBorderPaint(none);
        draw();
    }

    /** The line under the title: the latest values, or the hovered time's. */
    TextTitle subtitle() {
        return values;
    }

    ChartCanvas canvas() {
        return canvas;
    }

    /** Below this height the legend gives its room to the plot; the values line still names every series. */
    static final double LEGEND_MIN_HEIGHT = 175;

    @Override
    protected void layoutChildren() {
        boolean legend = getHeight() >= LEGEND_MIN_HEIGHT;
        if (chart.getLegend().isVisible() != legend) {
            chart.setNotify(false);
            chart.getLegend().setVisible(legend);
        }
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }
}

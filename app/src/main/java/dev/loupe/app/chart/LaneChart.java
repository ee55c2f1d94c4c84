package dev.loupe.app.chart;

import dev.loupe.app.live.LiveTimeline;
import dev.loupe.engine.chart.ChartFonts;
import dev.loupe.engine.chart.ChartSpec;
import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.chart.Lane;
import dev.loupe.engine.chart.TimelineChart;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One live chart: a JFreeChart whose time axis is fixed to the run's planned length so every chart
 * shares it, lines without shapes, shown as an image that fills its region. The FX thread reads the
 * timeline ({@link #refresh}), sets the values line and the crosshair, and asks for a {@link #draw};
 * the {@link ChartPainter}'s thread owns the JFreeChart objects and draws them with Java2D into an
 * image, which the FX thread then only copies in. Drawing through a JavaFX canvas instead kept the FX
 * thread (and, on the software pipeline, its render thread) busy for most of each frame gap under load.
 */
final class LaneChart extends Region {
    private final ChartSpec spec;
    private final LiveTimeline timeline;
    private final ChartPainter painter;
    private final java.util.function.LongConsumer drew;
    // the painter's: the chart and everything in it
    private final RingDataset lines;
    private final RingDataset ticks;
    private final JFreeChart chart;
    private final NumberAxis time = new NumberAxis();
    private final TextTitle values = new TextTitle(" ", ChartFonts.SCREEN.small());
    private BufferedImage canvas;
    private ChartTheme paintedTheme;
    private double shadedS = -1;
    // the FX thread's: what the next drawing shows, and the image on screen
    private final ImageView view = new ImageView();
    private WritableImage image;
    private RingDataset.Points linePoints;
    private RingDataset.Points tickPoints;
    private double endS = 1;
    private double warmupS;
    private double logTop = 200;
    private String valuesText = " ";
    private OptionalDouble hoverS = OptionalDouble.empty();
    private ChartTheme theme = ChartTheme.LIGHT;
    private double drawnWidth;
    private double drawnHeight;
    private double drawnScale;
    /** Where the drawing on screen put the plot, in the region's coordinates, and the time axis it drew; null before the first. */
    private Plotted plotted;

    /** A drawn plot's area and the end of its time axis, kept together. */
    record Plotted(Rectangle2D area, double endS) {}

    /** What one drawing shows, handed from the FX thread to the painter's. */
    record Frame(RingDataset.Points lines, RingDataset.Points ticks, double endS, double warmupS, double logTop,
            String values, OptionalDouble hoverS, ChartTheme theme, boolean legend, double width, double height,
            double scale) {}

    /**
     * A drawn chart: premultiplied ARGB pixels, {@code widthPx} by {@code heightPx}, for a region
     * {@code scale} times smaller, where its plot is (for hovering), and how long drawing it took.
     */
    record Drawn(int[] pixels, int widthPx, int heightPx, double scale, Plotted plotted, long drawNs) {}

    /** @param drew told on the FX thread how long each drawing shown took, in ns */
    LaneChart(ChartSpec spec, LiveTimeline timeline, ChartPainter painter, java.util.function.LongConsumer drew) {
        this.spec = spec;
        this.timeline = timeline;
        this.painter = Objects.requireNonNull(painter, "painter");
        this.drew = Objects.requireNonNull(drew, "drew");
        lines = new RingDataset(timeline, spec.lanes());
        ticks = spec.gcTicks() ? new RingDataset(timeline, List.of(Lane.GC_PAUSES), v -> v > 0 ? 1 : Double.NaN) : null;
        chart = TimelineChart.create(spec, lines, ticks, time, ChartFonts.SCREEN);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainCrosshairVisible(false);
        plot.setDomainCrosshairLockedOnData(false);
        plot.setDomainCrosshairStroke(new BasicStroke(1f));
        chart.setNotify(false); // drawn when the painter says, never on a change event
        values.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(values);
        time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        view.setManaged(false);
        getChildren().add(view);
        setId("chart-" + spec.id());
        setMinSize(120, 100);
        refresh();
    }

    ChartSpec spec() {
        return spec;
    }

    /** Reads the timeline for the next drawing (FX thread): at most one least/most pair per pixel column. */
    void refresh() {
        endS = Math.max(1, timeline.totalMs() / 1000.0);
        warmupS = timeline.warmupMs() / 1000.0;
        if (spec.delayBands()) {
            logTop = TimelineChart.logTopMs(timeline.ring(Lane.DISPATCH_MAX).highest());
        }
        int columns = Math.max(50, (int) getWidth());
        linePoints = lines.points(columns);
        tickPoints = ticks == null ? null : ticks.points(columns);
    }

    /** Sets the values line for the next drawing. */
    void values(String text) {
        valuesText = text;
    }

    /** Shows the crosshair at {@code seconds} in the next drawing, or hides it. */
    void hover(OptionalDouble seconds) {
        hoverS = seconds;
    }

    /** Follows the window's theme from the next drawing on. */
    void theme(ChartTheme next) {
        theme = next;
    }

    /** Asks the painter to draw what {@link #refresh}, {@link #values}, {@link #hover} and {@link #theme} set (FX thread). */
    void draw() {
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        drawnWidth = w;
        drawnHeight = h;
        drawnScale = renderScale();
        painter.paint(this, new Frame(linePoints, tickPoints, endS, warmupS, logTop, valuesText, hoverS, theme,
                h >= LEGEND_MIN_HEIGHT, w, h, renderScale()));
    }

    /**
     * A frame of made-up points at this chart's size, for {@link ChartPainter#rehearse}: the first
     * drawings run the drawing code interpreted, and the JIT compiles it while they go, so they
     * should happen before a run shares the cores, not during it.
     */
    Frame rehearsal(int round) {
        int n = 60 + round % 7;
        double[][] x = new double[spec.lanes().size()][n];
        double[][] y = new double[spec.lanes().size()][n];
        for (int s = 0; s < x.length; s++) {
            for (int i = 0; i < n; i++) {
                x[s][i] = i;
                y[s][i] = spec.delayBands() ? 0.1 + (i * 7 + s * 13 + round) % 150 : (i * 31 + s * 17 + round) % 97;
            }
        }
        RingDataset.Points points = new RingDataset.Points(x, y);
        double w = Math.max(300, getWidth());
        double h = Math.max(150, getHeight());
        return new Frame(points, ticks == null ? null : points, n, 5, 200, "rehearsal " + round,
                round % 2 == 0 ? OptionalDouble.empty() : OptionalDouble.of(n / 2.0), theme, h >= LEGEND_MIN_HEIGHT, w, h,
                renderScale());
    }

    private double renderScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
    }

    /** Draws {@code f} with Java2D (the painter's thread only). */
    Drawn render(Frame f) {
        long start = System.nanoTime();
        apply(f);
        int w = (int) Math.ceil(f.width() * f.scale());
        int h = (int) Math.ceil(f.height() * f.scale());
        if (canvas == null || canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        Graphics2D g = canvas.createGraphics();
        Plotted area;
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(f.theme().background());
            g.fillRect(0, 0, w, h);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            g.scale(f.scale(), f.scale());
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, f.width(), f.height()), info);
            area = new Plotted((Rectangle2D) info.getPlotInfo().getDataArea().clone(), f.endS());
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        return new Drawn(pixels.clone(), w, h, f.scale(), area, System.nanoTime() - start);
    }

    /** Puts a drawing on screen (FX thread): a copy of its pixels into the image shown. */
    void show(Drawn d) {
        drew.accept(d.drawNs());
        plotted = d.plotted(); // a rehearsal's drawing is never shown, so it never moves the hover's axis
        if (image == null || (int) image.getWidth() != d.widthPx() || (int) image.getHeight() != d.heightPx()) {
            image = new WritableImage(d.widthPx(), d.heightPx());
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, d.widthPx(), d.heightPx(), PixelFormat.getIntArgbPreInstance(),
                d.pixels(), 0, d.widthPx());
        view.setFitWidth(d.widthPx() / d.scale());
        view.setFitHeight(d.heightPx() / d.scale());
    }

    /** The frame's state into the chart's objects (the painter's thread). */
    private void apply(Frame f) {
        if (f.lines() != null) {
            lines.use(f.lines());
        }
        if (ticks != null && f.ticks() != null) {
            ticks.use(f.ticks());
        }
        if (time.getUpperBound() != f.endS() || time.getLowerBound() != 0) {
            time.setRange(0, f.endS());
        }
        warmUp(f.warmupS());
        if (chart.getXYPlot().getRangeAxis() instanceof LogAxis log && f.logTop() != log.getUpperBound()) {
            log.setRange(TimelineChart.LOG_BOTTOM_MS, f.logTop());
        }
        if (!values.getText().equals(f.values())) {
            values.setText(f.values());
        }
        XYPlot plot = chart.getXYPlot();
        plot.setDomainCrosshairVisible(f.hoverS().isPresent());
        f.hoverS().ifPresent(plot::setDomainCrosshairValue);
        if (f.theme() != paintedTheme) {
            paint(f.theme());
            paintedTheme = f.theme();
        }
        chart.getLegend().setVisible(f.legend());
    }

    /** The warm-up, shaded: it is left out of the summary and the findings. */
    private void warmUp(double seconds) {
        if (seconds == shadedS) {
            return;
        }
        TimelineChart.warmUp(chart.getXYPlot(), seconds, ChartFonts.SCREEN);
        shadedS = seconds;
    }

    /** Where the last drawing put the plot, in this region's coordinates; null before the first drawing. */
    Rectangle2D plotArea() {
        Plotted p = plotted;
        return p == null ? null : p.area();
    }

    /** The time under {@code xPixel} of this chart's canvas, in seconds; empty outside the plot. */
    OptionalDouble timeAt(double xPixel) {
        Plotted p = plotted;
        if (p == null) {
            return OptionalDouble.empty();
        }
        Rectangle2D area = p.area();
        if (xPixel < area.getMinX() || xPixel > area.getMaxX()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((xPixel - area.getMinX()) / area.getWidth() * p.endS());
    }

    /** The theme's colours into the chart (the painter's thread). */
    private void paint(ChartTheme theme) {
        TimelineChart.paint(chart, theme, ChartFonts.SCREEN);
    }

    /** The line under the title as the next drawing shows it: the latest values, or the hovered time's. */
    String valuesText() {
        return valuesText;
    }

    /** Below this height the legend gives its room to the plot; the values line still names every series. */
    static final double LEGEND_MIN_HEIGHT = 175;

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
        if (getWidth() != drawnWidth || getHeight() != drawnHeight || renderScale() != drawnScale) {
            refresh();
            draw();
        }
    }
}

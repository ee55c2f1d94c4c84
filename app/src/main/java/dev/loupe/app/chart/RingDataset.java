package dev.loupe.app.chart;

import dev.loupe.app.live.LiveTimeline;
import dev.loupe.app.live.Ring;
import dev.loupe.engine.chart.Lane;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * A chart's view of some lanes of a {@link LiveTimeline}: x in seconds since the run's start, y as the
 * lane holds it (or mapped, for GC ticks). {@link #points} takes what is to be drawn from the rings, at
 * most one least/most pair per pixel column, on the FX thread that owns them; {@link #use} hands those
 * points to the chart on the thread that paints it, with one change event however many points arrived.
 */
final class RingDataset extends AbstractXYDataset {
    private final LiveTimeline timeline;
    private final List<Lane> lanes;
    private final DoubleUnaryOperator map;
    private final double[][] scratchX;
    private final double[][] scratchY;
    private volatile Points shown;

    /** What one series or more hold at one moment: x in seconds, y in the lane's unit. Not changed once made. */
    record Points(double[][] x, double[][] y) {}

    RingDataset(LiveTimeline timeline, List<Lane> lanes) {
        this(timeline, lanes, DoubleUnaryOperator.identity());
    }

    RingDataset(LiveTimeline timeline, List<Lane> lanes, DoubleUnaryOperator map) {
        this.timeline = timeline;
        this.lanes = List.copyOf(lanes);
        this.map = map;
        int points = 2 * timeline.ring(lanes.getFirst()).capacity();
        scratchX = new double[lanes.size()][points];
        scratchY = new double[lanes.size()][points];
        shown = new Points(new double[lanes.size()][0], new double[lanes.size()][0]);
    }

    List<Lane> lanes() {
        return lanes;
    }

    /** What to draw for a plot {@code columns} pixels wide, read from the rings (FX thread). */
    Points points(int columns) {
        long toMs = Math.max(1000, timeline.totalMs());
        double[][] x = new double[lanes.size()][];
        double[][] y = new double[lanes.size()][];
        for (int s = 0; s < lanes.size(); s++) {
            Ring ring = timeline.ring(lanes.get(s));
            int n = ring.decimate(columns, 0, toMs, scratchX[s], scratchY[s]);
            x[s] = new double[n];
            y[s] = new double[n];
            for (int i = 0; i < n; i++) {
                x[s][i] = scratchX[s][i] / 1000.0;
                y[s][i] = map.applyAsDouble(scratchY[s][i]);
            }
        }
        return new Points(x, y);
    }

    /** Draws {@code points} from now on (the painting thread), telling the chart once. */
    void use(Points points) {
        shown = points;
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return lanes.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        Lane lane = lanes.get(series);
        return lane.shortLabel().isEmpty() ? lane.label() : lane.shortLabel();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return shown.x()[series].length;
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return shown.x()[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return shown.y()[series][item];
    }
}

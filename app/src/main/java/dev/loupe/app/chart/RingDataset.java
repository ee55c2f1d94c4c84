package dev.loupe.app.chart;

import dev.loupe.app.live.Lane;
import dev.loupe.app.live.LiveTimeline;
import dev.loupe.app.live.Ring;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * A chart's view of some lanes of a {@link LiveTimeline}: x in seconds since the run's start, y as the
 * lane holds it (or mapped, for GC ticks). {@link #refresh} recomputes what is drawn, at most one
 * least/most pair per pixel column, and fires one change event: the chart repaints once per timer
 * tick, however many points arrived. Touched only on the FX thread.
 */
final class RingDataset extends AbstractXYDataset {
    private final LiveTimeline timeline;
    private final List<Lane> lanes;
    private final DoubleUnaryOperator map;
    private final double[][] x;
    private final double[][] y;
    private final int[] count;

    RingDataset(LiveTimeline timeline, List<Lane> lanes) {
        this(timeline, lanes, DoubleUnaryOperator.identity());
    }

    RingDataset(LiveTimeline timeline, List<Lane> lanes, DoubleUnaryOperator map) {
        this.timeline = timeline;
        this.lanes = List.copyOf(lanes);
        this.map = map;
        int points = 2 * timeline.ring(lanes.getFirst()).capacity();
        x = new double[lanes.size()][points];
        y = new double[lanes.size()][points];
        count = new int[lanes.size()];
    }

    List<Lane> lanes() {
        return lanes;
    }

    /** Redraws from the rings for a plot {@code columns} pixels wide, then tells the chart once. */
    void refresh(int columns) {
        long toMs = Math.max(1000, timeline.totalMs());
        for (int s = 0; s < lanes.size(); s++) {
            Ring ring = timeline.ring(lanes.get(s));
            int n = ring.decimate(columns, 0, toMs, x[s], y[s]);
            for (int i = 0; i < n; i++) {
                x[s][i] /= 1000.0;
                y[s][i] = map.applyAsDouble(y[s][i]);
            }
            count[s] = n;
        }
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
        return count[series];
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
        return x[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return y[series][item];
    }
}

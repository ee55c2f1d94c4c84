package dev.loupe.app.live;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The one bounded buffer between a run's threads and the FX timer that draws it. The run's threads
 * {@code offer} seconds and telemetry (kept in order, at most {@link #capacity}; when full the oldest
 * is dropped and counted) and the latest snapshot and findings (only the newest matters); the FX timer
 * {@link #drain}s everything at once, a few times a second, so the FX thread is never asked to run once
 * per event. Thread-safe.
 */
public final class LiveFeed {
    /** Ten minutes of seconds and telemetry: far more than a timer that runs late ever leaves. */
    public static final int CAPACITY = 1200;

    private final int capacity;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private IntervalSnapshot snapshot;
    private List<Finding> findings;
    private long dropped;

    public LiveFeed() {
        this(CAPACITY);
    }

    LiveFeed(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void offer(SecondInterval second) {
        add(second);
    }

    public synchronized void offer(TelemetrySecond jvm) {
        add(jvm);
    }

    public synchronized void offer(IntervalSnapshot latest) {
        snapshot = latest;
    }

    public synchronized void offer(List<Finding> live) {
        findings = List.copyOf(live);
    }

    private void add(Object item) {
        if (items.size() == capacity) {
            items.removeFirst();
            dropped++;
        }
        items.addLast(item);
    }

    public int capacity() {
        return capacity;
    }

    /** Everything since the last drain. */
    public synchronized Batch drain() {
        List<SecondInterval> seconds = new ArrayList<>();
        List<TelemetrySecond> jvm = new ArrayList<>();
        for (Object item : items) {
            switch (item) {
                case SecondInterval s -> seconds.add(s);
                case TelemetrySecond t -> jvm.add(t);
                default -> throw new IllegalStateException("unexpected " + item);
            }
        }
        items.clear();
        Batch batch = new Batch(seconds, jvm, snapshot, findings, dropped);
        snapshot = null;
        findings = null;
        dropped = 0;
        return batch;
    }

    /**
     * What arrived since the last drain.
     *
     * @param snapshot the newest snapshot, or null when none came
     * @param findings the newest live findings, or null when none came
     * @param dropped items lost because the buffer was full
     */
    public record Batch(List<SecondInterval> seconds, List<TelemetrySecond> jvm, IntervalSnapshot snapshot,
            List<Finding> findings, long dropped) {
        public boolean isEmpty() {
            return seconds.isEmpty() && jvm.isEmpty() && snapshot == null && findings == null;
        }
    }
}

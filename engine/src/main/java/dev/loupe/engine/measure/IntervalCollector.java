package dev.loupe.engine.measure;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Pulls an {@link IntervalSnapshot} out of a run's {@link LoadMeter}s whenever it is told to, hands
 * it to the listeners, and accumulates the measured (post-warm-up) intervals into the final
 * {@link LoadSummary}. Memory stays flat however long the run: two interval histograms, two summary
 * histograms and a few counters per meter.
 *
 * <p><b>Time.</b> The collector never reads a clock: its caller passes the current time, and asks
 * {@link #nextBoundaryNs()} when to call next — every {@link #INTERVAL_NS} since the run's start,
 * plus one boundary exactly at the end of warm-up, so no interval straddles it. An interval belongs
 * to the warm-up when it starts before the warm-up ends.
 *
 * <p><b>Threads.</b> One collector thread calls every method except the constructor; the meters'
 * writer threads keep recording meanwhile.
 */
public final class IntervalCollector {
    /** Snapshot cadence: 250 ms. */
    public static final long INTERVAL_NS = 250_000_000L;
    /** A request counts as behind schedule once it is due by more than this: 1 ms. */
    public static final long BEHIND_TOLERANCE_NS = 1_000_000L;
    /** A run that stopped sending with its oldest due request waiting longer than this (100 ms) was saturated. */
    public static final long SATURATION_LAG_NS = 100_000_000L;

    private final List<LoadMeter> meters;
    private final List<IntervalListener> listeners;
    private final boolean[] listenerFailed;
    private final long runStartNs;
    private final long warmupEndNs;
    private final long[][] previous;
    private final Histogram[] recycleCorrected;
    private final Histogram[] recycleUncorrected;
    private final Histogram intervalCorrected = LatencyRange.newHistogram();
    private final Histogram intervalUncorrected = LatencyRange.newHistogram();
    private final Histogram measuredCorrected = LatencyRange.newHistogram();
    private final Histogram measuredUncorrected = LatencyRange.newHistogram();

    private long lastEndNs;
    private int index;
    private long measuredStartNs = -1;
    private long measuredEndNs = -1;
    private long measuredRequests;
    private long measuredResponses;
    private long measuredBytesRead;
    private long measuredBytesWritten;
    private long measuredBehindNs;
    private long measuredOutOfRange;
    private ErrorCounts measuredErrors = ErrorCounts.NONE;
    private ConnectionCounts runConnections = ConnectionCounts.NONE;

    /**
     * @param meters the run's meters, one per writer thread
     * @param runStartNs the run's time zero, on the clock whose readings will be passed in
     * @param warmupNs how long the warm-up lasts from the start (0 for none)
     * @param listeners called with each snapshot, in order
     */
    public IntervalCollector(List<LoadMeter> meters, long runStartNs, long warmupNs, List<IntervalListener> listeners) {
        if (meters.isEmpty()) {
            throw new IllegalArgumentException("meters: empty (expected: at least one)");
        }
        if (warmupNs < 0) {
            throw new IllegalArgumentException("warmupNs: " + warmupNs + " (expected: >= 0)");
        }
        this.meters = List.copyOf(meters);
        this.listeners = List.copyOf(listeners);
        this.listenerFailed = new boolean[this.listeners.size()];
        this.runStartNs = runStartNs;
        this.warmupEndNs = runStartNs + warmupNs;
        this.lastEndNs = runStartNs;
        this.previous = new long[this.meters.size()][LoadMeter.SLOT_COUNT];
        this.recycleCorrected = new Histogram[this.meters.size()];
        this.recycleUncorrected = new Histogram[this.meters.size()];
    }

    /** When the current interval should close: the next 250 ms mark, or the end of warm-up if sooner. */
    public long nextBoundaryNs() {
        long sinceStart = lastEndNs - runStartNs;
        long next = runStartNs + (sinceStart / INTERVAL_NS + 1) * INTERVAL_NS;
        if (lastEndNs < warmupEndNs && warmupEndNs < next) {
            return warmupEndNs;
        }
        return next;
    }

    /** Closes the interval that ends at {@code nowNs}, hands its snapshot to the listeners and returns it. */
    public IntervalSnapshot closeInterval(long nowNs) {
        long startNs = lastEndNs;
        long endNs = Math.max(nowNs, startNs);
        boolean warmup = startNs < warmupEndNs;

        long[] delta = new long[LoadMeter.SLOT_COUNT];
        long behindNs = 0;
        long lagNs = 0;
        long open = 0;
        intervalCorrected.reset();
        intervalUncorrected.reset();
        for (int m = 0; m < meters.size(); m++) {
            LoadMeter meter = meters.get(m);
            long[] prev = previous[m];
            for (int slot = 0; slot < LoadMeter.SLOT_COUNT; slot++) {
                long value = meter.read(slot);
                if (slot == LoadMeter.LAG_AT_STOP_NS || slot == LoadMeter.UNSENT_AT_STOP) {
                    continue; // run-level values, read by summary() and unsentAtStop()
                } else if (slot == LoadMeter.BEHIND_SCHEDULE_NS) {
                    behindNs = Math.max(behindNs, value - prev[slot]);
                } else {
                    delta[slot] += value - prev[slot];
                }
                prev[slot] = value;
            }
            open += meter.read(LoadMeter.CONN_OPEN);
            lagNs = Math.max(lagNs, meter.read(LoadMeter.SCHEDULE_LAG_NS));
            Histogram corrected = meter.takeCorrected(recycleCorrected[m]);
            recycleCorrected[m] = corrected;
            intervalCorrected.add(corrected);
            Histogram uncorrected = meter.takeUncorrected(recycleUncorrected[m]);
            if (uncorrected != null) {
                recycleUncorrected[m] = uncorrected;
                intervalUncorrected.add(uncorrected);
            } else {
                intervalUncorrected.add(corrected);
            }
        }

        ErrorCounts errors = errorsOf(delta);
        ConnectionCounts connections = new ConnectionCounts(delta[LoadMeter.CONN_REQUESTED],
                delta[LoadMeter.CONN_ESTABLISHED], delta[LoadMeter.CONN_FAILED], delta[LoadMeter.RECONNECTS]);
        long lengthNs = endNs - startNs;
        long responses = delta[LoadMeter.RESPONSES];
        IntervalSnapshot snapshot = new IntervalSnapshot(
                index++,
                msSinceStart(startNs),
                msSinceStart(endNs),
                warmup,
                delta[LoadMeter.REQUESTS],
                responses,
                lengthNs == 0 ? 0 : round(responses * 1e9 / lengthNs, 10),
                errors,
                connections,
                open,
                LatencyMs.of(intervalCorrected),
                LatencyMs.of(intervalUncorrected),
                LatencyHistogram.copyOf(intervalCorrected),
                LatencyHistogram.copyOf(intervalUncorrected),
                delta[LoadMeter.BYTES_READ],
                delta[LoadMeter.BYTES_WRITTEN],
                behindNs / 1_000_000,
                lagNs / 1_000_000,
                delta[LoadMeter.OUT_OF_RANGE]);

        if (!warmup) {
            if (measuredStartNs < 0) {
                measuredStartNs = startNs;
            }
            measuredEndNs = endNs;
            measuredRequests += snapshot.requests();
            measuredResponses += responses;
            measuredBytesRead += snapshot.bytesRead();
            measuredBytesWritten += snapshot.bytesWritten();
            measuredBehindNs += behindNs;
            measuredOutOfRange += snapshot.outOfRangeLatencies();
            measuredErrors = measuredErrors.plus(errors);
            measuredCorrected.add(intervalCorrected);
            measuredUncorrected.add(intervalUncorrected);
        }
        runConnections = runConnections.plus(connections);
        lastEndNs = endNs;
        notifyListeners(snapshot);
        return snapshot;
    }

    private static ErrorCounts errorsOf(long[] delta) {
        int e = LoadMeter.ERRORS;
        return ErrorCounts.of(
                delta[e + ErrorClass.CONNECT.ordinal()],
                delta[e + ErrorClass.READ.ordinal()],
                delta[e + ErrorClass.WRITE.ordinal()],
                delta[e + ErrorClass.TIMEOUT.ordinal()],
                delta[e + ErrorClass.MALFORMED.ordinal()],
                delta[e + ErrorClass.STATUS_4XX.ordinal()],
                delta[e + ErrorClass.STATUS_5XX.ordinal()]);
    }

    private void notifyListeners(IntervalSnapshot snapshot) {
        for (int i = 0; i < listeners.size(); i++) {
            if (listenerFailed[i]) {
                continue;
            }
            try {
                listeners.get(i).onInterval(snapshot);
            } catch (RuntimeException e) {
                listenerFailed[i] = true;
                System.err.println("loupe: an interval listener failed and gets no more snapshots: " + e);
            }
        }
    }

    private long msSinceStart(long ns) {
        return (ns - runStartNs) / 1_000_000;
    }

    /**
     * The summary of every measured interval closed so far (the whole run, once the last one is
     * closed). Connection counts cover the warm-up too: connections opened then serve the measurement.
     */
    public LoadSummary summary() {
        double durationS = measuredStartNs < 0 ? 0 : (measuredEndNs - measuredStartNs) / 1e9;
        boolean saturated = false;
        for (LoadMeter meter : meters) {
            saturated |= meter.read(LoadMeter.LAG_AT_STOP_NS) > SATURATION_LAG_NS;
        }
        return LoadSummary.of(measuredRequests, measuredResponses, durationS, measuredErrors, runConnections,
                LatencyMs.of(measuredCorrected), LatencyMs.of(measuredUncorrected),
                new GeneratorHealth(measuredBehindNs / 1_000_000, saturated));
    }

    /** The corrected latencies of every measured interval so far. */
    public LatencyHistogram measuredLatency() {
        return LatencyHistogram.copyOf(measuredCorrected);
    }

    /** The uncorrected latencies of every measured interval so far. */
    public LatencyHistogram measuredUncorrectedLatency() {
        return LatencyHistogram.copyOf(measuredUncorrected);
    }

    public long measuredBytesRead() {
        return measuredBytesRead;
    }

    public long measuredBytesWritten() {
        return measuredBytesWritten;
    }

    /** Latencies clamped to {@link LatencyRange} in the measured intervals. */
    public long measuredOutOfRangeLatencies() {
        return measuredOutOfRange;
    }

    /** Requests that were due by the schedule but never sent when sending stopped (open model). */
    public long unsentAtStop() {
        long sum = 0;
        for (LoadMeter meter : meters) {
            sum += meter.read(LoadMeter.UNSENT_AT_STOP);
        }
        return sum;
    }

    /** Responses received in the measured intervals. */
    public long measuredResponses() {
        return measuredResponses;
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}

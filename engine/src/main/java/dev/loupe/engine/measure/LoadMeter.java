package dev.loupe.engine.measure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What one load-generator I/O thread measured: plain cumulative counters and two latency
 * recorders, written by that thread only and read by the {@link IntervalCollector}.
 *
 * <p><b>Threads.</b> Every {@code record…}/{@code count…} method is called by the single owning
 * writer thread; they never allocate and never throw (out-of-range latencies are clamped to
 * {@link LatencyRange} and counted). Counters are single-writer longs published with opaque
 * stores, so the collector sees each one whole (never torn), a little late at worst.
 *
 * <p><b>Two latency views.</b> {@code correctedNs} runs from the request's <em>intended</em> start
 * (its place in an open-model schedule); {@code uncorrectedNs} from the moment its first byte was
 * written. With {@code separateViews == false} (the closed model, where the intended start
 * <em>is</em> the send) only one recorder exists and both views read the same measurements; no
 * correction is ever applied after the fact.
 */
public final class LoadMeter {
    // Counter slots; the array is padded at both ends so two meters never share a cache line.
    static final int REQUESTS = 0;
    static final int RESPONSES = 1;
    static final int ERRORS = 2; // ERRORS + ErrorClass.ordinal(), seven slots
    static final int CONN_REQUESTED = ERRORS + 7;
    static final int CONN_ESTABLISHED = CONN_REQUESTED + 1;
    static final int CONN_FAILED = CONN_REQUESTED + 2;
    static final int RECONNECTS = CONN_REQUESTED + 3;
    static final int CONN_OPEN = CONN_REQUESTED + 4; // a gauge
    static final int BYTES_READ = CONN_OPEN + 1;
    static final int BYTES_WRITTEN = CONN_OPEN + 2;
    static final int BEHIND_SCHEDULE_NS = CONN_OPEN + 3;
    static final int SCHEDULE_LAG_NS = CONN_OPEN + 4; // a gauge
    static final int LAG_AT_STOP_NS = CONN_OPEN + 5; // set once, -1 until sending stops
    static final int OUT_OF_RANGE = CONN_OPEN + 6;
    static final int UNSENT_AT_STOP = CONN_OPEN + 7; // set once
    static final int SLOT_COUNT = UNSENT_AT_STOP + 1;

    private static final int PAD = 8;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final ErrorClass[] CLASSES = ErrorClass.values();

    private final long[] slots = new long[SLOT_COUNT + 2 * PAD];
    private final SingleWriterRecorder corrected;
    private final SingleWriterRecorder uncorrected; // null when the views are the same
    private final String name;

    /**
     * @param name for messages, e.g. the writer thread's name
     * @param separateViews whether corrected and uncorrected latencies differ (the open model)
     */
    public LoadMeter(String name, boolean separateViews) {
        this.name = name;
        this.corrected = newRecorder();
        this.uncorrected = separateViews ? newRecorder() : null;
        slots[PAD + LAG_AT_STOP_NS] = -1;
    }

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(LatencyRange.LOWEST_NS, LatencyRange.HIGHEST_NS, LatencyRange.SIGNIFICANT_DIGITS);
    }

    public String name() {
        return name;
    }

    /** Whether the corrected and uncorrected views are recorded separately. */
    public boolean separateViews() {
        return uncorrected != null;
    }

    // ---- writer side (the owning thread) ---------------------------------------------------

    /**
     * A complete response. Its latency is recorded whatever the status; a 4xx or 5xx status also
     * counts as an error of that class.
     *
     * @param correctedNs from the intended start to the last byte of the response
     * @param uncorrectedNs from the first byte of the request written to the last byte of the response
     * @param status the HTTP status code
     */
    public void recordResponse(long correctedNs, long uncorrectedNs, int status) {
        add(REQUESTS, 1);
        add(RESPONSES, 1);
        if (status >= 500) {
            add(ERRORS + ErrorClass.STATUS_5XX.ordinal(), 1);
        } else if (status >= 400) {
            add(ERRORS + ErrorClass.STATUS_4XX.ordinal(), 1);
        }
        record(corrected, correctedNs);
        if (uncorrected != null) {
            record(uncorrected, uncorrectedNs);
        }
    }

    private void record(SingleWriterRecorder recorder, long valueNs) {
        if (!LatencyRange.inRange(valueNs)) {
            add(OUT_OF_RANGE, 1);
            valueNs = LatencyRange.clampNs(valueNs);
        }
        recorder.recordValue(valueNs);
    }

    /**
     * A request that ended without a complete response. Status classes are counted by
     * {@link #recordResponse}; passing one here counts it without a latency.
     */
    public void recordFailure(ErrorClass errorClass) {
        add(REQUESTS, 1);
        add(ERRORS + errorClass.ordinal(), 1);
    }

    /** A TCP connect was started. */
    public void countConnectAttempt() {
        add(CONN_REQUESTED, 1);
    }

    /**
     * A connect succeeded.
     *
     * @param reconnect whether this connection slot had been connected before (the server or the
     *     client closed it, or keep-alive is off)
     */
    public void countConnectEstablished(boolean reconnect) {
        add(CONN_ESTABLISHED, 1);
        add(CONN_OPEN, 1);
        if (reconnect) {
            add(RECONNECTS, 1);
        }
    }

    /** A connect failed (refused, unreachable, timed out). */
    public void countConnectFailed() {
        add(CONN_FAILED, 1);
    }

    /** An established connection was closed, by either side. */
    public void countConnectionClosed() {
        add(CONN_OPEN, -1);
    }

    public void countBytesRead(long bytes) {
        add(BYTES_READ, bytes);
    }

    public void countBytesWritten(long bytes) {
        add(BYTES_WRITTEN, bytes);
    }

    /** Adds time during which a request was due but could not be sent yet. */
    public void addBehindScheduleNs(long ns) {
        add(BEHIND_SCHEDULE_NS, ns);
    }

    /** The current schedule lag: how long the oldest due, unsent request has been waiting (0 if none). */
    public void setScheduleLagNs(long lagNs) {
        set(SCHEDULE_LAG_NS, lagNs);
    }

    /**
     * Sending stopped with this schedule lag, and this many requests were due but never sent (the open
     * model's backlog; a large lag means the generator could not keep up).
     */
    public void recordStop(long lagNs, long unsentRequests) {
        set(LAG_AT_STOP_NS, Math.max(0, lagNs));
        set(UNSENT_AT_STOP, unsentRequests);
    }

    private void add(int slot, long delta) {
        int i = PAD + slot;
        SLOT.setOpaque(slots, i, slots[i] + delta);
    }

    private void set(int slot, long value) {
        SLOT.setOpaque(slots, PAD + slot, value);
    }

    // ---- reader side (the collector) -------------------------------------------------------

    long read(int slot) {
        return (long) SLOT.getOpaque(slots, PAD + slot);
    }

    long readError(ErrorClass errorClass) {
        return read(ERRORS + errorClass.ordinal());
    }

    static ErrorClass errorClass(int ordinal) {
        return CLASSES[ordinal];
    }

    /** Swaps out the corrected interval histogram; {@code recycle} must come from the previous call or be null. */
    Histogram takeCorrected(Histogram recycle) {
        return corrected.getIntervalHistogram(recycle);
    }

    /** Swaps out the uncorrected interval histogram, or returns null when the views are the same. */
    Histogram takeUncorrected(Histogram recycle) {
        return uncorrected == null ? null : uncorrected.getIntervalHistogram(recycle);
    }
}

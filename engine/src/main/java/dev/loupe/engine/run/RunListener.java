package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;

/**
 * Hears a run as it happens. Every method but {@link #onTelemetry} is called on the run's collector thread, in order, and
 * must return quickly (hand work to another thread); a listener that throws is reported in the run
 * log once and dropped, and the run carries on.
 */
public interface RunListener {

    /** The server is up at {@code serverUrl} and load is about to start. */
    default void onStarted(RunStarted started) {}

    /** A 250 ms snapshot of what the clients saw. */
    default void onSnapshot(IntervalSnapshot snapshot) {}

    /**
     * One second of {@code result.json}'s {@code intervals[]}, with what the journal and {@code
     * latency.hlog} keep of it besides: its latency histograms (in ns), error classes and connection events.
     */
    default void onSecond(SecondInterval second, SecondDetail detail) {}

    /**
     * One second of what the JVM did, about a second after the load's {@link #onSecond} for the same
     * span (JFR delivers in 1 s batches). Called on a telemetry thread, not the collector thread, but
     * never at the same time as another method of this interface.
     */
    default void onTelemetry(TelemetrySecond second) {}

    /** The same second's sampled stacks, right after {@link #onTelemetry}, on the same thread; seconds with samples only. */
    default void onStacks(StackSecond stacks) {}

    /**
     * The JVM side's summary of the measured part so far, every few seconds, on the telemetry's
     * thread: what the journal keeps of the evidence in case the run crashes.
     */
    default void onTelemetryCheckpoint(TelemetrySummary soFar) {}

    /**
     * What the rules find in the run so far, after each second, told in order (see {@link
     * dev.loupe.engine.analysis.Rules#order}). Live findings read the per-second series only; the
     * final ones in {@link RunResult#findings} add the stacks and lock classes of the whole run.
     */
    default void onFindings(List<Finding> findings) {}

    /** The run is over; reports may be written from {@code result}. */
    default void onFinished(RunResult result) {}
}

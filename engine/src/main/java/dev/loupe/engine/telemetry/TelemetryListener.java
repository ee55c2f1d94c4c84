package dev.loupe.engine.telemetry;

/**
 * Hears a telemetry session's seconds as they are sealed, in order, on the probe thread (or the
 * stopping thread for the last ones). Each method must return quickly.
 */
@FunctionalInterface
public interface TelemetryListener {
    /** A sealed second: {@code result.json}'s per-second {@code telemetry}. */
    void second(TelemetrySecond second);

    /** The same second's sampled stacks, right after {@link #second}; only seconds with samples. */
    default void stacks(StackSecond stacks) {}

    /**
     * The measured part's summary so far, every {@value Timeline#CHECKPOINT_SECONDS} seconds after
     * that many seconds were sealed: what a run that crashed keeps of its evidence and totals.
     */
    default void checkpoint(TelemetrySummary soFar) {}
}

package dev.loupe.engine.measure;

/**
 * Receives each interval snapshot as the collector closes it, on the collector's thread, in order.
 * Implementations must return quickly (hand heavy work to their own thread) and must not throw; an
 * exception is caught, reported once on standard error, and that listener is not called again.
 */
@FunctionalInterface
public interface IntervalListener {
    void onInterval(IntervalSnapshot snapshot);
}

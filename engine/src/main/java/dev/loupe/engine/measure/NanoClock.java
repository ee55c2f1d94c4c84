package dev.loupe.engine.measure;

/**
 * A monotonic clock in nanoseconds with an arbitrary origin, like {@link System#nanoTime()}. Every
 * timing-dependent class takes one, so tests can drive time with a {@link ManualNanoClock}.
 */
@FunctionalInterface
public interface NanoClock {
    /** The current time in nanoseconds; only differences between two readings mean anything. */
    long nanoTime();

    /** The system's monotonic clock. */
    static NanoClock system() {
        return System::nanoTime;
    }
}

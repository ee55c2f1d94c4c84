package dev.loupe.engine.measure;

import java.time.Duration;

/**
 * A clock that moves only when told to, for tests and replays. Safe to read from any thread; one
 * thread (the test) advances it.
 */
public final class ManualNanoClock implements NanoClock {
    private volatile long nowNs;

    public ManualNanoClock(long startNs) {
        this.nowNs = startNs;
    }

    public ManualNanoClock() {
        this(0);
    }

    @Override
    public long nanoTime() {
        return nowNs;
    }

    /** Moves the clock forward by {@code deltaNs} (never backwards). */
    public void advanceNs(long deltaNs) {
        if (deltaNs < 0) {
            throw new IllegalArgumentException("deltaNs: " + deltaNs + " (expected: >= 0, a monotonic clock never goes back)");
        }
        nowNs += deltaNs;
    }

    public void advance(Duration delta) {
        advanceNs(delta.toNanos());
    }

    /** Sets the clock to {@code timeNs}, which must not be earlier than the current time. */
    public void setNs(long timeNs) {
        advanceNs(timeNs - nowNs);
    }
}

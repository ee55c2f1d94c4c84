package dev.loupe.engine.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * A run's one time base: milliseconds since the run's start on a monotonic {@link NanoClock}, plus a
 * wall-clock anchor taken at the same moment so that timestamps from elsewhere (JFR events carry an
 * {@link Instant}) land on the same axis. Immutable; any thread.
 *
 * @param clock the monotonic clock every reading comes from
 * @param originNs the run's time zero on {@code clock}
 * @param originWall the wall-clock instant read at {@code originNs}
 */
public record RunClock(NanoClock clock, long originNs, Instant originWall) {
    public RunClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(originWall, "originWall");
    }

    /** A run starting now on the system clocks. */
    public static RunClock startingNow() {
        NanoClock clock = NanoClock.system();
        Instant wall = Instant.now();
        return new RunClock(clock, clock.nanoTime(), wall);
    }

    /** Milliseconds since the run's start, now. */
    public long nowMs() {
        return msAt(clock.nanoTime());
    }

    /** Milliseconds since the run's start at {@code nanoTime} (a reading of {@link #clock()}); negative before it. */
    public long msAt(long nanoTime) {
        return Math.floorDiv(nanoTime - originNs, 1_000_000L);
    }

    /** Milliseconds since the run's start at a wall-clock instant (e.g. a JFR event's start); negative before it. */
    public long msAt(Instant wall) {
        long seconds = wall.getEpochSecond() - originWall.getEpochSecond();
        long nanos = wall.getNano() - originWall.getNano();
        return Math.floorDiv(seconds * 1_000_000_000L + nanos, 1_000_000L);
    }
}

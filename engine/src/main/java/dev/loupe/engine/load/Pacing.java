package dev.loupe.engine.load;

import dev.loupe.engine.checks.ArgumentChecks;
import java.time.Duration;
import java.util.Objects;

/** How requests are paced: by the responses (closed) or by a schedule (open). */
public sealed interface Pacing {
    /** The longest think time of the closed model. */
    Duration MAX_THINK_TIME = Duration.ofMinutes(1);

    /**
     * Each connection sends its next request when the previous response is complete, after an
     * optional think time. Throughput follows the server's speed, so a stalled server is simply sent
     * less: latency is measured from the actual send, and the corrected and uncorrected views are
     * the same measurements.
     *
     * @param thinkTime pause between a response and the connection's next request (zero for none)
     */
    record Closed(Duration thinkTime) implements Pacing {
        public Closed {
            ArgumentChecks.inRange("thinkTime", thinkTime, Duration.ZERO, MAX_THINK_TIME);
        }
    }

    /**
     * Requests start at the times {@code schedule} names, on whichever connection is free. When none
     * is free, the request waits and is sent late, but its latency still runs from its intended start;
     * the time spent behind schedule is counted.
     */
    record Open(ArrivalSchedule schedule) implements Pacing {
        public Open {
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    static Pacing closed() {
        return new Closed(Duration.ZERO);
    }

    static Pacing open(ArrivalSchedule schedule) {
        return new Open(schedule);
    }
}

package dev.loupe.engine.scenario;

import java.util.Locale;

/** How the load generator decides when to send, named by {@code load.model}. */
public enum LoadModel {
    /**
     * Each connection sends its next request when the previous response arrived (plus the think
     * time), like wrk: the server's speed sets the rate.
     */
    CLOSED,
    /**
     * Requests start on a schedule at {@code load.rateRps}, whether or not earlier ones finished,
     * like wrk2 or k6's arrival-rate executors; latency is measured from the intended start.
     */
    OPEN;

    /** The name in scenario files: {@code closed}, {@code open}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

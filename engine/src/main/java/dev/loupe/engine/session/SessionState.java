package dev.loupe.engine.session;

/** Where a {@link RunSession} is, in the order it passes through; {@link #DONE} is the end, whatever happened. */
public enum SessionState {
    /** Made, not started. */
    READY,
    /** Starting: the JFR stream, the server, the connections; nothing is measured yet. */
    STARTING,
    /** Load runs, and its results are discarded. */
    WARMING_UP,
    /** Load runs and is measured. */
    MEASURING,
    /** Sending has stopped; the last responses are awaited, the server and telemetry stop. */
    DRAINING,
    /** The run is over; its files are being written. */
    WRITING,
    /** Over: the outcome says how it went. */
    DONE;

    /** Whether load is running (warm-up or measured). */
    public boolean loading() {
        return this == WARMING_UP || this == MEASURING;
    }
}

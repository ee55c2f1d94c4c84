package dev.loupe.engine.analysis;

import java.util.Locale;

/** How bad a finding is. Always shown with its word (and an icon), never by colour alone. */
public enum Severity {
    /** Healthy: nothing to do. */
    GREEN,
    /** Worth a look: a cost that grows with load. */
    YELLOW,
    /** Wrong: this is what limits the server, or the results cannot be trusted. */
    RED;

    /** Dispatch delay below this is green (Clinic.js Doctor's band). */
    public static final double YELLOW_DELAY_MS = 10;
    /** Dispatch delay at or above this is red. */
    public static final double RED_DELAY_MS = 100;

    /** The colour of a dispatch delay: green below 10 ms, yellow to 100 ms, red from 100 ms. */
    public static Severity ofDelayMs(double ms) {
        return ms >= RED_DELAY_MS ? RED : ms >= YELLOW_DELAY_MS ? YELLOW : GREEN;
    }

    /** The word in JSON and reports: {@code green}, {@code yellow}, {@code red}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

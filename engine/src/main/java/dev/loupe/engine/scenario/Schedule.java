package dev.loupe.engine.scenario;

import java.util.Locale;

/** The shape of the open model's arrivals, named by {@code load.schedule}. */
public enum Schedule {
    /** Evenly spaced arrivals at {@code load.rateRps}; the only schedule of the closed model. */
    CONSTANT,
    /** Linear ramps through {@code load.stages}, starting at {@code load.rateRps} (default 0). */
    RAMP,
    /** Exponentially distributed gaps with a mean rate of {@code load.rateRps}: bursty, like real users. */
    POISSON;

    /** The name in scenario files: {@code constant}, {@code ramp}, {@code poisson}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.loupe.engine.run;

/** How a run ended. */
public enum RunOutcome {
    /** Warm-up and measurement ran to their end. */
    COMPLETED,
    /** Stopped early by the user (Ctrl+C, the Stop button); the result covers what ran. */
    INTERRUPTED,
    /** Stopped by a guard (e.g. the heap guard); a red finding says why. */
    STOPPED_BY_GUARD,
    /**
     * Ended without ending in order (the process was killed or crashed): a report rebuilt from the
     * journal, partial, covering the seconds the journal kept.
     */
    CRASHED
}

package dev.loupe.engine.session;

import dev.loupe.engine.run.RunListener;

/**
 * Hears a {@link RunSession}: the run's own events (see {@link RunListener}; a URL-only load has
 * snapshots only, no scenario, seconds or telemetry), and each change of state. {@link #onState} is
 * called on whichever thread moved the session on (the session's, the load's collector) and must
 * return quickly.
 */
public interface SessionListener extends RunListener {

    /** The session moved on to {@code state}. */
    default void onState(SessionState state) {}
}

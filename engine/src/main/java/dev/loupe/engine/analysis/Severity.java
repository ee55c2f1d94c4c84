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

    /** The word in JSON and reports: {@code green}, {@code yellow}, {@code red}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

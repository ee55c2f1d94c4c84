package dev.loupe.engine.analysis;

import java.util.Optional;

/**
 * One rule: reads a run's facts and says what it found, or nothing. Rules are stateless, cheap
 * (linear in the run's seconds) and safe to call each second while a run goes on; each documents its
 * thresholds with their units.
 */
public interface Rule {
    /** The id that findings carry in {@code result.json}, e.g. {@code dispatch-blocked}. */
    String id();

    /** What the rule finds in {@code facts}, if anything worth saying. */
    Optional<Finding> evaluate(RunFacts facts);
}

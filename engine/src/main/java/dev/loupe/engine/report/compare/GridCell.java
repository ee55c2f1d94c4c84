package dev.loupe.engine.report.compare;

import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;

/**
 * One run of a matrix or sweep, as its comparison shows it.
 *
 * @param cell which run, with the fields it set
 * @param folder its sub-folder's name
 * @param status how it went
 * @param problem why it failed to run, in words; empty otherwise
 * @param result what it measured; empty when it did not run
 * @param failedThresholds how many of its thresholds failed
 */
public record GridCell(ScenarioGrid.Cell cell, String folder, Status status, Optional<String> problem,
        Optional<RunResult> result, long failedThresholds) {
    public GridCell {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(result, "result");
    }

    /** How a run of the grid went. */
    public enum Status {
        /** It ran to its end and every threshold passed. */
        PASSED,
        /** It ran, and a threshold failed or a guard stopped it. */
        THRESHOLD_FAILED,
        /** It could not run: its server did not start, or it failed. */
        FAILED_TO_RUN,
        /** Ctrl+C stopped it; its numbers cover the part that ran. */
        INTERRUPTED,
        /** Ctrl+C came before it. */
        NOT_RUN;

        /** The status with its icon, for people. */
        public String shown() {
            return switch (this) {
                case PASSED -> "✓ passed";
                case THRESHOLD_FAILED -> "✗ threshold failed";
                case FAILED_TO_RUN -> "✗ failed to run";
                case INTERRUPTED -> "■ interrupted";
                case NOT_RUN -> "– not run";
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

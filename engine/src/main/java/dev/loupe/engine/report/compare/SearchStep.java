package dev.loupe.engine.report.compare;

import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a search for the highest rate that meets an SLO: a run at one rate.
 *
 * @param index 0, 1, 2… in run order
 * @param rateRps the rate it asked for
 * @param verdict how it went
 * @param folder its sub-folder's name
 * @param result what it measured; empty when it could not run
 * @param slo each condition judged against its result
 * @param problem why it could not run; empty otherwise
 */
public record SearchStep(int index, double rateRps, Verdict verdict, String folder, Optional<RunResult> result,
        List<ThresholdResult> slo, Optional<String> problem) {
    public SearchStep {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(result, "result");
        slo = List.copyOf(slo);
        Objects.requireNonNull(problem, "problem");
    }

    /** How a step went. */
    public enum Verdict {
        /** Every condition held. */
        PASSED,
        /** A condition broke. */
        FAILED,
        /**
         * The SLO broke only before the requests were sent: the generator fell behind its schedule and
         * the latency from the actual send met the SLO, so the rate is its limit, not the server's.
         */
        GENERATOR_LIMITED,
        /** It could not run. */
        FAILED_TO_RUN,
        /** Ctrl+C stopped it. */
        INTERRUPTED;

        /** The verdict with its icon, for people. */
        public String shown() {
            return switch (this) {
                case PASSED -> "✓ passed";
                case FAILED -> "✗ failed";
                case GENERATOR_LIMITED -> "⚠ the generator's limit";
                case FAILED_TO_RUN -> "✗ failed to run";
                case INTERRUPTED -> "■ interrupted";
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

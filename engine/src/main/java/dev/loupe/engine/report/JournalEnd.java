package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;
import java.util.Objects;

/**
 * What the end line of a finished run's journal keeps besides its outcome: the parts of {@code
 * result.json} its seconds do not give, so that a rebuild writes the same file.
 *
 * @param summary the load's summary
 * @param telemetry the JVM side's summary; null when telemetry was off
 * @param notes what did not work as it should
 * @param findings what the rules found
 * @param extraThresholds the thresholds from the command line the run was judged by
 */
public record JournalEnd(LoadSummary summary, TelemetrySummary telemetry, List<String> notes, List<Finding> findings,
        List<Threshold> extraThresholds) {
    public JournalEnd {
        Objects.requireNonNull(summary, "summary");
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
        extraThresholds = List.copyOf(extraThresholds);
    }
}

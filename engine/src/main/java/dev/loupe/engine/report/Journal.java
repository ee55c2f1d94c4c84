package dev.loupe.engine.report;

import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link JournalReader} found in a {@code journal.jsonl}.
 *
 * @param header the run's scenario, environment, start and server; empty when the first line is
 *     missing or unreadable (a warning says which)
 * @param entries the interval lines that could be read, in file order
 * @param telemetry the JVM's seconds that could be read, in file order (none when telemetry was off)
 * @param stacks the server's sampled stacks over every {@code stacks} line, added up
 * @param checkpoint the last {@code checkpoint} line's summary of the JVM side, if any
 * @param outcome how the run ended; empty when the journal has no end line: the run crashed or is
 *     still going
 * @param end the end line's summary parts; empty without an end line, or when it held only the outcome
 * @param warnings lines that were skipped and why, e.g. an incomplete last line; for the user
 */
public record Journal(
        Optional<JournalHeader> header, List<JournalEntry> entries, List<TelemetrySecond> telemetry,
        JournalStacks stacks, Optional<TelemetrySummary> checkpoint, Optional<RunOutcome> outcome,
        Optional<JournalEnd> end, List<String> warnings) {
    public Journal {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(stacks, "stacks");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(end, "end");
        entries = List.copyOf(entries);
        telemetry = List.copyOf(telemetry);
        warnings = List.copyOf(warnings);
    }

    /** The intervals, as {@code result.json}'s {@code intervals[]} has them. */
    public List<SecondInterval> intervals() {
        return entries.stream().map(JournalEntry::interval).toList();
    }

    /** Whether the run wrote its end line (it did not crash). */
    public boolean finished() {
        return outcome.isPresent();
    }
}

package dev.loupe.engine.report;

import dev.loupe.engine.run.Environment;
import dev.loupe.engine.scenario.Scenario;
import java.time.Instant;
import java.util.Objects;

/**
 * The first line of {@code journal.jsonl}: what a report needs besides the measurements, so a run
 * folder can be rebuilt from its journal alone (after a crash too).
 *
 * @param scenario the resolved scenario that runs
 * @param environment where it runs
 * @param startedAt the run's wall-clock start
 * @param serverUrl the address the server under test listens on
 */
public record JournalHeader(Scenario scenario, Environment environment, Instant startedAt, String serverUrl) {
    public JournalHeader {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(serverUrl, "serverUrl");
    }
}

package dev.loupe.engine.run;

import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.scenario.Scenario;
import java.time.Instant;

/**
 * What a listener learns when a run starts.
 *
 * @param scenario the resolved scenario
 * @param startedAt wall-clock start; interval times are milliseconds after it
 * @param serverUrl where the server under test listens
 * @param load what the generator will do
 */
public record RunStarted(Scenario scenario, Instant startedAt, String serverUrl, LoadSpec load) {}

/**
 * Scenarios: what a run is asked to do, and the one immutable, fully resolved {@link
 * dev.loupe.engine.scenario.Scenario} that will run. A scenario file is JSON (its shape is published
 * as {@code sample-configs/scenario.schema.json}); {@link dev.loupe.engine.scenario.ScenarioReader}
 * resolves every field once — command line ({@link dev.loupe.engine.scenario.Overrides}), then file,
 * then {@link dev.loupe.engine.scenario.Preset}, then {@link dev.loupe.engine.scenario.ScenarioDefaults}
 * — and reports every problem with file, line, column, field, value and rule; {@link
 * dev.loupe.engine.scenario.ScenarioWriter} saves a scenario without ever leaving a half-written file.
 * The records check their own values at construction, so a {@code Scenario} built any other way is
 * just as valid. The command line, the run orchestration and the dashboard call this package; it
 * depends only on the server registry, to check variant names.
 */
package dev.loupe.engine.scenario;

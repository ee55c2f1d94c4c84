/**
 * Scenarios: what a run is asked to do, and the one immutable, fully resolved {@link
 * dev.loupe.engine.scenario.Scenario} that will run. A scenario file is JSON (its shape is published
 * as {@code sample-configs/scenario.schema.json}); {@link dev.loupe.engine.scenario.ScenarioReader}
 * resolves every field once — command line ({@link dev.loupe.engine.scenario.Overrides}), then file,
 * then {@link dev.loupe.engine.scenario.Preset}, then {@link dev.loupe.engine.scenario.ScenarioDefaults}
 * — and reports every problem with file, line, column, field, value and rule; {@link
 * dev.loupe.engine.scenario.ScenarioWriter} saves a resolved scenario and {@link
 * dev.loupe.engine.scenario.ScenarioDocument} saves an edited file with only the edits, both without
 * ever leaving a half-written file. The records check their own values at construction against
 * {@link dev.loupe.engine.scenario.ScenarioLimits}, the bounds of the layers they configure (load,
 * server, telemetry), so a {@code Scenario} built any other way is just as valid. Names of variants
 * and workloads, and whether the installed parts accept a scenario, come from a {@link
 * dev.loupe.engine.scenario.ScenarioCatalog} the caller passes; this package never reaches the server
 * registry. The command line, the run orchestration, the reports and the dashboard call it.
 */
package dev.loupe.engine.scenario;

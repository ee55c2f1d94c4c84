/**
 * Orchestration: a resolved {@link dev.loupe.engine.scenario.Scenario} in, the server variant
 * started, the telemetry session and heap guard beside it on one time base, load driven at it,
 * interval snapshots and telemetry seconds out to {@link dev.loupe.engine.run.RunListener}s, and a
 * {@link dev.loupe.engine.run.RunResult} at the end with both sides joined second by second. {@link
 * dev.loupe.engine.run.ScenarioMapping} turns a scenario into what the server and the generator take,
 * and {@link dev.loupe.engine.run.RunCatalog} does the same as a dry run, so the scenario reader refuses
 * what a run would. The session package drives it; the report package reads what it returns.
 */
package dev.loupe.engine.run;

/**
 * Orchestration: a resolved {@link dev.loupe.engine.scenario.Scenario} in, the server variant
 * started, load driven at it, interval snapshots out to {@link dev.loupe.engine.run.RunListener}s,
 * and a {@link dev.loupe.engine.run.RunResult} at the end. The CLI and the dashboard call it; the
 * report package reads what it returns.
 */
package dev.loupe.engine.run;

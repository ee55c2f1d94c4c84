/**
 * One run from start to its files, the way every caller drives it: {@link
 * dev.loupe.engine.session.RunSession} runs a scenario (server, load and telemetry in this JVM, then
 * the run folder) or a URL-only load, on a thread of its own, with listeners, a {@link
 * dev.loupe.engine.session.SessionState}, a stop that works from any state within about a second, and
 * a bounded wait for its {@link dev.loupe.engine.session.SessionOutcome}. The command line ({@code
 * loupe run}, {@code loupe load}) and the dashboard are thin callers of it. Many runs from one file
 * are sessions in turn: {@link dev.loupe.engine.session.GridRun} runs a matrix's or sweep's cells
 * and writes their comparison, {@link dev.loupe.engine.session.SearchRun} steps a rate up and
 * bisects for the highest that meets an SLO. It sits above the reports
 * (it writes the run folder) and below the command line and the app.
 */
package dev.loupe.engine.session;

/**
 * Findings: small stateless rules ({@link dev.loupe.engine.analysis.Rule}) that read a run's facts
 * ({@link dev.loupe.engine.analysis.RunFacts}: the scenario, the per-second series, the measured
 * totals, telemetry's summary) and say in plain words what is wrong and what to try, each with a
 * severity shown as a colour, an icon and a word. {@link dev.loupe.engine.analysis.Rules} runs them
 * all and orders what they find. The run calls it each second and at the end; it reads facts only and
 * never reaches the servers, the generator or the run, and it learns how the server runs requests from
 * the {@link dev.loupe.engine.concurrency.ConcurrencyModel} the variant declares, never from its name
 * ({@code LayeringTest} holds it to both).
 */
package dev.loupe.engine.analysis;

/**
 * The run's timeline as reports and findings read it: one entry per second of what the clients saw,
 * joined with what the JVM did in the same span. It sits above measure and telemetry (whose records
 * it joins) and below the run (which fills it) and the analysis (which reads it), so neither has to
 * know the other's insides.
 */
package dev.loupe.engine.series;

/**
 * Values with units: durations as people write them in scenario files, workload parameters and
 * options ({@code 250ms}, {@code 2m}), and {@link dev.loupe.engine.units.Numbers}, the one way every
 * number shown to people is written, in the console, findings and reports alike. Any engine package
 * may call it; it calls none.
 */
package dev.loupe.engine.units;

/**
 * Values with units as people write them in scenario files, workload parameters and options:
 * durations such as {@code 250ms} or {@code 2m}. Any engine package may call it; it calls none.
 */
package dev.loupe.engine.units;

/**
 * Loupe's engine: everything that runs without a screen. It starts server variants, drives load at
 * them, listens to the JVM and writes results. It never depends on JavaFX; the dashboard depends on
 * it, never the reverse (an architecture test enforces both).
 */
package dev.loupe.engine;

/**
 * Loupe's engine: everything that runs without a screen. It starts server variants, drives load at
 * them, listens to the JVM and writes results. It never depends on JavaFX; the dashboard depends on
 * it, never the reverse.
 *
 * <p>Its packages are layers, each using only those below it (docs/architecture.md draws the graph,
 * {@code LayeringTest} holds the code to it): at the bottom {@code units}, {@code io}, {@code
 * measure} and {@code concurrency}, then {@code checks}; above them {@code server}, {@code load} and
 * {@code telemetry}; then {@code scenario} and {@code series}; then {@code analysis}, {@code run},
 * {@code report}, {@code session} and, at the top, {@code cli}. The scenario package reads the
 * server's limits but never its registry, telemetry reads no scenario or server type, and the
 * findings learn how a server runs requests from the model its variant declares, never its name.
 */
package dev.loupe.engine;

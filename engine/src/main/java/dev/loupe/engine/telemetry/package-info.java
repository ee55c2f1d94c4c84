/**
 * What the JVM did while the load ran: a JFR {@code RecordingStream} reduced to {@link
 * dev.loupe.engine.telemetry.JvmEvents} calls, dispatch-delay probes handed to the server's {@link
 * dev.loupe.engine.concurrency.DispatchTarget}s every 10 ms with a watchdog that takes the stack of a late
 * loop or worker, a JVM-wide 10 ms hiccup probe, a 250 ms runtime sampler and a heap guard. Every
 * reading lands on the run's time base ({@link dev.loupe.engine.measure.RunClock}) in per-second
 * buckets that are sealed once the JFR stream has flushed past them, so listeners get each second
 * whole, about a second behind the load. Memory is bounded however long the run: histograms live only
 * in open seconds and in the run's totals; evidence (stacks, lock classes) is capped. Threads are
 * attributed by name ({@link dev.loupe.engine.telemetry.ThreadRole}).
 *
 * <p>It reads no scenario or server type: a caller configures it with {@link
 * dev.loupe.engine.telemetry.TelemetryOptions} and shows it the server through {@link
 * dev.loupe.engine.telemetry.ObservedServer}, so it can watch any JVM. The run drives it; the analysis
 * and the reports read its records.
 */
package dev.loupe.engine.telemetry;

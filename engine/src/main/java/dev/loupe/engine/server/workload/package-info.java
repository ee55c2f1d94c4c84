/**
 * The workloads a server's handler can run, each a small {@link
 * dev.loupe.engine.server.workload.Workload} named by a SPEC ({@code name[:parameter]}): {@code hello},
 * {@code sleep}, {@code cpu}, {@code alloc}, {@code queue} (BunSpreader, as {@code locked}, {@code
 * concurrent} or {@code atom}), {@code contended}, {@code pinned}, {@code leak} and {@code fail}; the
 * SPEC parser {@link dev.loupe.engine.server.workload.Workloads#parse}; and {@link
 * dev.loupe.engine.server.workload.WorkloadStats}, the counters a handler keeps about its own work.
 * Called by the command line, the scenario resolver, the run orchestration and telemetry; it depends
 * only on the server API package (and the engine's one duration syntax).
 */
package dev.loupe.engine.server.workload;

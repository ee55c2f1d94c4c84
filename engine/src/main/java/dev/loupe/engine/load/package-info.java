/**
 * The load generator: a non-blocking NIO HTTP/1.1 client written for load. One or more selector
 * threads ({@code loupe-load-1…}) each own a share of the connections, send pre-encoded requests
 * and parse responses incrementally without allocating per response. Two models: <em>closed</em>
 * (each connection sends its next request when the previous response is complete) and <em>open</em>
 * (requests start at the times a pure {@link dev.loupe.engine.load.ArrivalSchedule} names, and latency
 * is measured from those intended starts, with the uncorrected view beside it).
 *
 * <p>Callers describe a run with the plain records {@link dev.loupe.engine.load.LoadSpec} and
 * {@link dev.loupe.engine.load.RequestSpec}, start it with {@link dev.loupe.engine.load.LoadGenerator},
 * watch 250 ms {@link dev.loupe.engine.measure.IntervalSnapshot}s through listeners and get a
 * {@link dev.loupe.engine.load.LoadResult} from the {@link dev.loupe.engine.load.LoadRun}. Measurement
 * itself lives in {@link dev.loupe.engine.measure}. Used by the CLI's {@code load} command and the
 * run orchestration; it knows nothing of scenarios or servers. Its defaults and bounds ({@link
 * dev.loupe.engine.load.LoadSpec}'s constants) are the ones a scenario's {@code load} object and
 * {@code loupe load} read.
 */
package dev.loupe.engine.load;

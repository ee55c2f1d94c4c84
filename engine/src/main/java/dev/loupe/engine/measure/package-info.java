/**
 * Measurement of load as the client sees it: the monotonic {@link dev.loupe.engine.measure.NanoClock},
 * per-thread {@link dev.loupe.engine.measure.LoadMeter}s that the load generator's I/O threads write
 * (plain counters and HdrHistogram recorders with an explicit 1 µs – 60 s range; recording never
 * allocates or throws), the {@link dev.loupe.engine.measure.IntervalCollector} that one thread calls
 * every 250 ms to pull an immutable {@link dev.loupe.engine.measure.IntervalSnapshot} and hand it to
 * {@link dev.loupe.engine.measure.IntervalListener}s, and the final
 * {@link dev.loupe.engine.measure.LoadSummary}, which is {@code result.json}'s {@code summary} object.
 *
 * <p>Callers: the load generator writes meters and runs the collector; listeners (console, run
 * journal, dashboard) and reports read snapshots and summaries. Nothing here knows about sockets.
 */
package dev.loupe.engine.measure;

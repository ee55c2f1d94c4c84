package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.RequestHandler;
import java.util.Map;

/**
 * Counters a workload's handler keeps about its own work, for telemetry and findings to read while a
 * run goes on. A handler with state implements it; {@link #of} reads any handler (an empty map for
 * one without counters, such as {@code hello} or {@code sleep}).
 *
 * <p>Names are camelCase and carry their unit when they have one; counts have none. What each
 * workload reports:
 *
 * <ul>
 *   <li>{@code queue}: {@code queued} (entries not yet expired), {@code queuedBytes} (their bodies),
 *       {@code expired}, {@code rejected} (answered 503, full); {@code atom} adds {@code successes}
 *       (updates whose compare-and-set won) and {@code retries} (those that lost and copied again).
 *   <li>{@code leak}: {@code retainedBytes}, {@code retainedCapBytes} (a quarter of the max heap),
 *       {@code droppedBytes} (not retained once the cap was reached).
 *   <li>{@code fail}: {@code requests}, {@code failed}.
 * </ul>
 */
public interface WorkloadStats {

    /**
     * A snapshot of the counters, in a stable order. Called from any thread (e.g. a telemetry
     * sampler once a second), while requests run; cheap and never waits long. Counters are read one
     * by one, so two of them may be a few requests apart.
     */
    Map<String, Long> stats();

    /** The counters of {@code handler} if it keeps any, else an empty map. */
    static Map<String, Long> of(RequestHandler handler) {
        return handler instanceof WorkloadStats stats ? stats.stats() : Map.of();
    }
}

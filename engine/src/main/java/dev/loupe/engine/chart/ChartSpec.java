package dev.loupe.engine.chart;

import java.util.List;

/**
 * One chart of the dashboard: its title, the unit of its value axis, the lanes it draws, and its
 * extras.
 *
 * @param id the chart's node id ({@code chart-<id>})
 * @param title shown above the chart
 * @param unit the value axis label
 * @param lanes drawn in this order
 * @param delayBands the green / yellow / red dispatch-delay bands (below 10 ms, 10–100 ms, from 100 ms)
 * @param gcTicks thin red ticks along the time axis at each second with a collection
 * @param percent a value axis fixed at 0–100
 */
public record ChartSpec(String id, String title, String unit, List<Lane> lanes, boolean delayBands, boolean gcTicks,
        boolean percent) {

    public ChartSpec {
        lanes = List.copyOf(lanes);
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException(id + ": a chart draws at least one lane");
        }
    }

    /** Whether the chart shows the JVM's side, which trails the load's by about a second. */
    public boolean jvm() {
        return lanes.getFirst().side() == Lane.Side.JVM;
    }

    /** Whose lanes it draws, the load's, the JVM's or both: it needs drawing when one of them changed. */
    public java.util.Set<Lane.Side> sides() {
        java.util.Set<Lane.Side> sides = java.util.EnumSet.noneOf(Lane.Side.class);
        lanes.forEach(lane -> sides.add(lane.side()));
        return sides;
    }

    /** The dashboard's charts, in reading order (two columns). */
    public static List<ChartSpec> dashboard() {
        return List.of(
                new ChartSpec("throughput", "Throughput", "req/s", List.of(Lane.THROUGHPUT, Lane.ERRORS), false, false, false),
                new ChartSpec("latency", "Latency (dashed: uncorrected)", "ms", List.of(Lane.LATENCY_P50, Lane.LATENCY_P99,
                        Lane.LATENCY_MAX, Lane.UNCORRECTED_P50, Lane.UNCORRECTED_P99, Lane.UNCORRECTED_MAX), false, false, false),
                new ChartSpec("dispatch", "Dispatch delay", "ms", List.of(Lane.DISPATCH_P50, Lane.DISPATCH_P99,
                        Lane.DISPATCH_MAX), true, false, false),
                new ChartSpec("heap", "Heap (red ticks: GC)", "MB", List.of(Lane.HEAP_USED, Lane.HEAP_COMMITTED,
                        Lane.HEAP_AFTER_GC), false, true, false),
                new ChartSpec("gc", "GC pauses", "ms per s", List.of(Lane.GC_PAUSE_TOTAL, Lane.GC_PAUSE_MAX), false, false, false),
                new ChartSpec("cpu", "CPU", "% of all cores", List.of(Lane.CPU_PROCESS, Lane.CPU_MACHINE), false, false, true),
                new ChartSpec("threads", "Threads and connections", "", List.of(Lane.PLATFORM_THREADS, Lane.VIRTUAL_THREADS,
                        Lane.SERVER_CONNECTIONS, Lane.CLIENT_CONNECTIONS), false, false, false),
                new ChartSpec("locks", "Pinning and contention", "per s", List.of(Lane.PINNED, Lane.MONITOR_WAITS,
                        Lane.PARKS), false, false, false));
    }
}

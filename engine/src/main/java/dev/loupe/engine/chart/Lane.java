package dev.loupe.engine.chart;

import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.units.Numbers;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.function.ToDoubleFunction;

/**
 * Every series the dashboard draws, with its unit and where its value comes from: the load's lanes
 * read {@code result.json}'s interval for a second, the JVM's lanes the same interval's {@code
 * telemetry} (which arrives about a second later). A value nothing measured is NaN.
 */
public enum Lane {
    THROUGHPUT("throughput", "req/s", load(s -> s.throughputRps())),
    ERRORS("errors", "per s", load(s -> s.errors() * 1000.0 / Math.max(1, s.endMs() - s.startMs()))),
    LATENCY_P50("p50", "ms", load(s -> s.latencyMs().p50())),
    LATENCY_P99("p99", "ms", load(s -> s.latencyMs().p99())),
    LATENCY_MAX("max", "ms", load(s -> s.latencyMs().max())),
    UNCORRECTED_P50("p50 uncorrected", "ms", load(s -> s.uncorrectedLatencyMs().p50())),
    UNCORRECTED_P99("p99 uncorrected", "ms", load(s -> s.uncorrectedLatencyMs().p99())),
    UNCORRECTED_MAX("max uncorrected", "ms", load(s -> s.uncorrectedLatencyMs().max())),
    CLIENT_CONNECTIONS("client connections", "", load(s -> s.connectionsOpen())),

    DISPATCH_P50("dispatch p50", "ms", jvm(t -> delay(t.dispatchDelayMs(), DelayMs::p50))),
    DISPATCH_P99("dispatch p99", "ms", jvm(t -> delay(t.dispatchDelayMs(), DelayMs::p99))),
    DISPATCH_MAX("dispatch max", "ms", jvm(t -> delay(t.dispatchDelayMs(), DelayMs::max))),
    HEAP_USED("heap used", "MB", jvm(t -> number(t.heapUsedMbMax()))),
    HEAP_COMMITTED("heap committed", "MB", jvm(t -> number(t.heapCommittedMb()))),
    HEAP_AFTER_GC("heap after GC", "MB", jvm(t -> number(t.heapAfterGcMb()))),
    GC_PAUSES("GC pauses", "", jvm(t -> t.gcPauses())),
    GC_PAUSE_TOTAL("GC pause time", "ms", jvm(t -> t.gcPauseMsTotal())),
    GC_PAUSE_MAX("longest GC pause", "ms", jvm(t -> t.gcPauseMsMax())),
    CPU_PROCESS("CPU (JVM)", "%", jvm(t -> number(t.processCpuPct()))),
    CPU_MACHINE("CPU (machine)", "%", jvm(t -> number(t.machineCpuPct()))),
    PLATFORM_THREADS("platform threads", "", jvm(t -> t.platformThreads())),
    VIRTUAL_THREADS("virtual threads mounted", "", jvm(t -> t.virtualThreadsMounted())),
    SERVER_CONNECTIONS("server connections", "", jvm(t -> t.serverConnectionsOpen())),
    PINNED("pinned", "per s", jvm(t -> rate(t, t.pinnedEvents()))),
    MONITOR_WAITS("monitor waits", "per s", jvm(t -> rate(t, t.monitorEvents()))),
    PARKS("parks", "per s", jvm(t -> rate(t, t.parkEvents())));

    /** The label inside its own chart, where the chart's title says the rest: {@code p50} for {@code dispatch p50}. */
    public String shortLabel() {
        return switch (this) {
            case THROUGHPUT -> "";
            case DISPATCH_P50, DISPATCH_P99, DISPATCH_MAX -> label.substring("dispatch ".length());
            case HEAP_USED -> "used";
            case HEAP_COMMITTED -> "committed";
            case HEAP_AFTER_GC -> "after GC";
            case GC_PAUSE_TOTAL -> "total";
            case GC_PAUSE_MAX -> "longest";
            case CPU_PROCESS -> "JVM";
            case CPU_MACHINE -> "machine";
            case PLATFORM_THREADS -> "platform";
            case VIRTUAL_THREADS -> "virtual";
            case SERVER_CONNECTIONS -> "server conns";
            case CLIENT_CONNECTIONS -> "client conns";
            default -> label;
        };
    }

    /** Latency from the actual send (drawn dashed), beside the corrected one. */
    public boolean uncorrected() {
        return this == UNCORRECTED_P50 || this == UNCORRECTED_P99 || this == UNCORRECTED_MAX;
    }

    /** Whose side a lane shows: the clients' (live) or the JVM's (about a second behind). */
    public enum Side {
        LOAD,
        JVM
    }

    private final String label;
    private final String unit;
    private final Source source;

    Lane(String label, String unit, Source source) {
        this.label = label;
        this.unit = unit;
        this.source = source;
    }

    /** Where a lane's value comes from: the interval itself, or its telemetry. */
    private record Source(Side side, ToDoubleFunction<SecondInterval> load, ToDoubleFunction<TelemetrySecond> jvm) {}

    private static Source load(ToDoubleFunction<SecondInterval> f) {
        return new Source(Side.LOAD, f, null);
    }

    private static Source jvm(ToDoubleFunction<TelemetrySecond> f) {
        return new Source(Side.JVM, null, f);
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Side side() {
        return source.side();
    }

    /** This lane's value for one interval of the run (its {@code telemetry} for a JVM lane); NaN if none. */
    public double valueOf(SecondInterval interval) {
        if (source.side() == Side.LOAD) {
            return source.load().applyAsDouble(interval);
        }
        return interval.telemetry() == null ? Double.NaN : valueOf(interval.telemetry());
    }

    /** This JVM lane's value for one second of telemetry; NaN for a load lane. */
    public double valueOf(TelemetrySecond second) {
        return source.side() == Side.JVM ? source.jvm().applyAsDouble(second) : Double.NaN;
    }

    /** A value of this lane as the dashboard shows it: three significant digits and the unit ({@code 41.2k req/s}, {@code 3.20 ms}). */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (unit.equals("ms")) {
            return Numbers.latencyMs(value);
        }
        String number = compact(value);
        return unit.isEmpty() ? number : unit.equals("%") ? number + " %" : number + " " + unit;
    }

    /** Three significant digits, with k and M past a thousand: {@code 950}, {@code 41.2k}, {@code 1.20M}. */
    public static String compact(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 999_500) {
            return Numbers.significant(value / 1e6) + "M";
        }
        if (magnitude >= 999.5) {
            return Numbers.significant(value / 1e3) + "k";
        }
        return Numbers.significant(value);
    }

    private static double delay(DelayMs d, ToDoubleFunction<DelayMs> f) {
        return d == null ? Double.NaN : f.applyAsDouble(d);
    }

    private static double number(Number n) {
        return n == null ? Double.NaN : n.doubleValue();
    }

    private static double rate(TelemetrySecond t, int events) {
        return events * 1000.0 / Math.max(1, t.endMs() - t.startMs());
    }
}

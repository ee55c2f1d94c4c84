import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadRun;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.LoadTarget;
import dev.loupe.engine.load.RequestSpec;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.RunClock;
import dev.loupe.engine.run.ScenarioRun;
import dev.loupe.engine.scenario.TelemetrySettings;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.Workloads;
import dev.loupe.engine.telemetry.HeapGuard;
import dev.loupe.engine.telemetry.TelemetrySession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Telemetry's cost inside one JVM, so that JIT luck and per-process noise cancel out: one event-loop
 * server (1 loop, hello) under one closed-model load (50 connections, 1 generator thread) for the
 * whole measurement, while the telemetry session (JFR stream, probes, hiccup probe, sampler) is
 * started and stopped in alternating segments. Each pair is an "on" and an "off" segment side by
 * side (the order flips every pair); the first second after each switch is left out. Control pairs
 * compare two "off" segments. Prints each pair's throughput and the medians.
 * Usage (from bench/telemetry-overhead.sh): java -cp ... bench/src/TelemetryOverhead.java PAIRS SEGMENT_S CONTROL_PAIRS
 */
public final class TelemetryOverhead {
    private static final ConcurrentLinkedQueue<IntervalSnapshot> SNAPSHOTS = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int segmentS = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int control = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TelemetrySettings settings = TelemetrySettings.defaults();
        RunningServer server = ServerVariants.byName("event-loop")
                .start(ServerConfig.of(Workloads.parse("hello", "workload").newHandler()).withThreads(1));
        int segments = 2 * (pairs + control);
        long totalS = 10 + (long) segments * (segmentS + 3) + 10; // the load outlasts every segment; it is stopped at the end
        LoadSpec spec = LoadSpec.builder(new LoadTarget("127.0.0.1", server.address().getPort()))
                .request(RequestSpec.get("/")).connections(50).threads(1)
                .duration(Duration.ofSeconds(totalS)).build();
        LoadGenerator generator = LoadGenerator.create();
        RunClock clock = new RunClock(generator.clock(), generator.clock().nanoTime(), java.time.Instant.now());
        try (HeapGuard guard = HeapGuard.start(settings.heapGuardPct(), t -> {})) {
            LoadRun load = generator.start(spec, List.of(SNAPSHOTS::add), clock.originNs());
            System.out.printf("telemetry on vs off in one JVM: event-loop (1 loop) hello, 50 connections, %d s segments%n",
                    segmentS);
            Thread.sleep(10_000); // JIT warm-up
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            java.util.Map<String, List<Double>> telemetryCpu = new java.util.TreeMap<>();
            for (int i = 0; i < pairs; i++) {
                boolean onFirst = i % 2 == 0;
                Segment first = segment(onFirst, settings, server, clock, segmentS);
                Segment second = segment(!onFirst, settings, server, clock, segmentS);
                Segment on = onFirst ? first : second;
                Segment off = onFirst ? second : first;
                ratios.add(on.rps() / off.rps());
                cpuRatios.add(on.cpuUsPerResponse() / off.cpuUsPerResponse());
                on.telemetryCpuMsPerS().forEach((name, msPerS) ->
                        telemetryCpu.computeIfAbsent(name, k -> new ArrayList<>()).add(msPerS));
                System.out.printf("pair %d  on: %.0f req/s %.2f us CPU/resp  off: %.0f req/s %.2f us CPU/resp"
                        + "  throughput on/off %.3f  CPU per response on/off %.3f%n", i + 1, on.rps(),
                        on.cpuUsPerResponse(), off.rps(), off.cpuUsPerResponse(), on.rps() / off.rps(),
                        on.cpuUsPerResponse() / off.cpuUsPerResponse());
            }
            List<Double> controls = new ArrayList<>();
            List<Double> cpuControls = new ArrayList<>();
            for (int i = 0; i < control; i++) {
                Segment a = segment(false, settings, server, clock, segmentS);
                Segment b = segment(false, settings, server, clock, segmentS);
                controls.add(a.rps() / b.rps());
                cpuControls.add(a.cpuUsPerResponse() / b.cpuUsPerResponse());
                System.out.printf("control %d  off: %.0f req/s %.2f us  off: %.0f req/s %.2f us  throughput %.3f  CPU %.3f%n",
                        i + 1, a.rps(), a.cpuUsPerResponse(), b.rps(), b.cpuUsPerResponse(), a.rps() / b.rps(),
                        a.cpuUsPerResponse() / b.cpuUsPerResponse());
            }
            System.out.printf("throughput: median on/off %.3f (%s); control off/off median %.3f (range %.3f-%.3f)%n",
                    median(ratios), change(median(ratios), "lower", "higher"), median(controls), min(controls), max(controls));
            int cores = Runtime.getRuntime().availableProcessors();
            double total = 0;
            for (var e : telemetryCpu.entrySet()) {
                double m = median(e.getValue());
                total += m;
                System.out.printf("telemetry thread %s: median %.1f ms CPU per second%n", e.getKey(), m);
            }
            System.out.printf("telemetry threads' own CPU: %.1f ms per second (%.2f %% of the %d cores)%n",
                    total, total / 10 / cores, cores);
            System.out.printf("CPU per response: median on/off %.3f (%s); control off/off median %.3f (range %.3f-%.3f)%n",
                    median(cpuRatios), change(median(cpuRatios), "less", "more"), median(cpuControls), min(cpuControls),
                    max(cpuControls));
            load.stop();
            load.awaitResult();
        } finally {
            server.close();
        }
    }

    /** What a segment measured: throughput, and process CPU per response (immune to time the host took away). */
    record Segment(double rps, double cpuUsPerResponse, java.util.Map<String, Double> telemetryCpuMsPerS) {}

    /** CPU time so far of each of Loupe's telemetry threads (the probes ticker with its hiccup probe, the JFR consumer), in ms. */
    private static java.util.Map<String, Long> telemetryCpuMs() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> ms = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("loupe-telemetry-")) {
                ms.merge(info.getThreadName(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())) / 1_000_000, Long::sum);
            }
        }
        return ms;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** One segment with telemetry on or off, measured after its first second. */
    private static Segment segment(boolean on, TelemetrySettings settings, RunningServer server, RunClock clock,
            int seconds) throws Exception {
        TelemetrySession session = on ? TelemetrySession.start(settings.options(), ScenarioRun.observed(server), clock, 0, s -> {}) : null;
        Thread.sleep(1000);
        long fromMs = clock.nowMs();
        long cpuFrom = OS.getProcessCpuTime();
        java.util.Map<String, Long> telemetryFrom = telemetryCpuMs();
        Thread.sleep((seconds - 1) * 1000L);
        long toMs = clock.nowMs();
        long cpuNs = OS.getProcessCpuTime() - cpuFrom;
        java.util.Map<String, Double> telemetryMsPerS = new java.util.TreeMap<>();
        telemetryCpuMs().forEach((name, ms) ->
                telemetryMsPerS.put(name, (ms - telemetryFrom.getOrDefault(name, 0L)) * 1000.0 / (toMs - fromMs)));
        if (session != null) {
            session.stop(Optional.empty());
        }
        Thread.sleep(600); // the last snapshots of the segment arrive
        long responses = 0;
        long spanMs = 0;
        for (IntervalSnapshot s : SNAPSHOTS) {
            if (s.startMs() >= fromMs && s.endMs() <= toMs) {
                responses += s.responses();
                spanMs += s.endMs() - s.startMs();
            }
        }
        SNAPSHOTS.clear();
        double rps = responses * 1000.0 / spanMs;
        return new Segment(rps, cpuNs / 1000.0 / (rps * (toMs - fromMs) / 1000.0), telemetryMsPerS);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** A ratio as words: {@code 0.95} → {@code 5.0 % lower}, {@code 1.08} → {@code 8.0 % higher}. */
    static String change(double ratio, String below, String above) {
        return String.format(java.util.Locale.ROOT, "%.1f %% %s", Math.abs(1 - ratio) * 100, ratio < 1 ? below : above);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code dispatch-blocked}: work waited to be dispatched (Clinic.js Doctor's event-loop delay rule).
 * Each second's dispatch delay is how late a probe handed to each loop, pool or scheduler every 10 ms
 * ran. <b>Red</b> when the median over the measured seconds of each second's median is at least
 * {@value #MEDIAN_RED_MS} ms, or any probe was at least {@value #MAX_RED_MS} ms late; <b>yellow</b>
 * when some probe was at least {@value #MAX_YELLOW_MS} ms late. The evidence names the frames the
 * watchdog saw on the late threads; the title quotes the most frequent one for loops and pools, whose
 * late threads are the busy ones (for new or virtual threads they are bystanders). The advice depends
 * on the concurrency model.
 */
final class DispatchBlockedRule implements Rule {
    static final String ID = "dispatch-blocked";
    static final double MEDIAN_RED_MS = Severity.YELLOW_DELAY_MS;
    static final double MAX_RED_MS = Severity.RED_DELAY_MS;
    static final double MAX_YELLOW_MS = Severity.YELLOW_DELAY_MS;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<DelayMs> delays = facts.jvm().stream().map(TelemetrySecond::dispatchDelayMs).filter(Objects::nonNull).toList();
        if (delays.isEmpty()) {
            return Optional.empty();
        }
        double median = Median.of(delays.stream().mapToDouble(DelayMs::p50));
        double max = delays.stream().mapToDouble(DelayMs::max).max().orElse(0);
        long lateSeconds = delays.stream().filter(d -> d.max() >= MAX_YELLOW_MS).count();
        Severity severity = median >= MEDIAN_RED_MS || max >= MAX_RED_MS ? Severity.RED
                : max >= MAX_YELLOW_MS ? Severity.YELLOW : Severity.GREEN;
        if (severity == Severity.GREEN) {
            return Optional.empty();
        }
        String where = facts.model() == ConcurrencyModel.EVENT_LOOP || facts.model() == ConcurrencyModel.FIXED_POOL
                || facts.model() == ConcurrencyModel.EVENT_LOOP_OFFLOAD ? where(facts.telemetry()) : "";
        String title = severity == Severity.RED
                ? f("Dispatch is blocked: work waits %s to start (median %s)%s", latencyMs(max), latencyMs(median), where)
                : f("Dispatch stalls now and then: work waited up to %s to start%s", latencyMs(max), where);
        StringBuilder evidence = new StringBuilder(f(
                "Dispatch delay (how late a probe handed to each loop, pool or scheduler every 10 ms ran): median of"
                        + " the per-second medians %s, worst %s; %s of %s at or above %s. Clinic.js Doctor's rule:"
                        + " a median of %s or a max of %s is a problem.",
                latencyMs(median), latencyMs(max), Text.seconds(lateSeconds), Text.seconds(delays.size()), latencyMs(MAX_YELLOW_MS),
                latencyMs(MEDIAN_RED_MS), latencyMs(MAX_RED_MS)));
        if (facts.telemetry() != null) {
            facts.telemetry().dispatchTargets().stream()
                    .filter(t -> t.delayMs() != null && t.delayMs().max() >= MAX_YELLOW_MS)
                    .forEach(t -> evidence.append(f("\n- %s: p50 %s, p99 %s, max %s over %,d probes", t.name(),
                            latencyMs(t.delayMs().p50()), latencyMs(t.delayMs().p99()), latencyMs(t.delayMs().max()), t.probes())));
            if (!facts.telemetry().evidence().lateDispatch().isEmpty()) {
                evidence.append("\nWhat the late threads were doing (watchdog stacks, most often first):");
                evidence.append(Text.evidence(facts.telemetry().evidence().lateDispatch(), 3));
            }
        }
        return Optional.of(new Finding(ID, severity, title, evidence.toString(), advice(facts.model())));
    }

    /** " on loop-0 in Thread.sleep" from the watchdog's most frequent sighting, or "". */
    private static String where(TelemetrySummary telemetry) {
        if (telemetry == null || telemetry.evidence().lateDispatch().isEmpty()) {
            return "";
        }
        var top = telemetry.evidence().lateDispatch().getFirst();
        String frame = top.frames().isEmpty() ? "" : " in " + Text.where(top.frames());
        return " on " + top.subject() + frame;
    }

    static String advice(ConcurrencyModel model) {
        return switch (model) {
            case EVENT_LOOP -> "Move the blocking call off the event loop (the event-loop-offload variant runs handlers"
                    + " on a worker pool) or make it non-blocking. A handler that blocks its loop makes every connection"
                    + " on that loop wait behind it; more loops (server.threads) only spread the damage.";
            case EVENT_LOOP_OFFLOAD -> "Shorten what a handler holds a worker for, or add workers if they wait on"
                    + " I/O rather than compute. Requests wait in the queue because every worker is busy; handlers"
                    + " that block also fit virtual threads.";
            case FIXED_POOL -> "Give the pool as many workers (server.threads) as connections, or serve with a model"
                    + " that does not tie a thread to a connection (event loop, virtual threads). Here a worker holds a"
                    + " whole connection while it stays open, so connections beyond the workers wait for one to close;"
                    + " a handler that takes long makes every queued connection wait longer.";
            case THREAD_PER_CONNECTION, ACCEPT_POOL -> "Keep connections alive, recycle threads (the accept-pool"
                    + " variant) or use virtual threads. New work waits for a thread: the JVM is busy creating threads"
                    + " or the CPU is taken.";
            case VIRTUAL_THREADS -> "Free the carriers: move CPU-heavy work to a bounded platform pool and fix any"
                    + " pinning (see its finding). Virtual threads wait when every carrier is computing or held by a"
                    + " pinned thread; on a machine whose CPU is full, some delay is the price of sharing it.";
            case OTHER -> "Find what the late threads were doing in the stacks above: work waits to be dispatched.";
        };
    }
}

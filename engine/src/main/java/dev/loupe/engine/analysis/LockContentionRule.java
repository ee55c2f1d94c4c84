package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;
import static dev.loupe.engine.units.Numbers.latencyMs;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.ThreadRole;
import java.util.List;
import java.util.Optional;

/**
 * {@code lock-contention}: the server's threads wait for each other, on {@code synchronized} monitors
 * and on {@code java.util.concurrent} locks alike (JDK Mission Control's rule reads only the
 * former). The measure is the time the server's threads spent waiting (each wait at or above the
 * scenario's lock threshold, idle pool waits left out) per second of wall time, i.e. how many threads
 * waited on average: <b>red</b> from {@value #RED_THREADS}, <b>yellow</b> from {@value #YELLOW_THREADS}.
 */
final class LockContentionRule implements Rule {
    static final String ID = "lock-contention";
    static final double RED_THREADS = 1.0;
    static final double YELLOW_THREADS = 0.1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        long wallMs = facts.jvmMs();
        double waitedMs = facts.jvmSum(TelemetrySecond::lockWaitMsTotal);
        if (wallMs <= 0 || waitedMs <= 0) {
            return Optional.empty();
        }
        double waiting = waitedMs / wallMs;
        Severity severity = waiting >= RED_THREADS ? Severity.RED : waiting >= YELLOW_THREADS ? Severity.YELLOW : Severity.GREEN;
        if (severity == Severity.GREEN) {
            return Optional.empty();
        }
        long monitors = Math.round(facts.jvmSum(TelemetrySecond::monitorEvents));
        long parks = Math.round(facts.jvmSum(TelemetrySecond::parkEvents));
        List<Evidence> locks = facts.telemetry() == null ? List.of()
                : facts.telemetry().evidence().locks().stream().filter(e -> e.role().equals(ThreadRole.SERVER.word())).toList();
        String on = locks.isEmpty() || locks.getFirst().subject().isEmpty() ? "" : " on " + simpleName(locks.getFirst().subject());
        String title = f("Threads queue for a lock%s: %.1f threads waiting on average", on, waiting);
        String evidence = f("The server's threads waited %s for locks in %s: %,d waits to enter a synchronized"
                        + " monitor and %,d parks on java.util.concurrent locks; on average %.2f threads were waiting"
                        + " (red from %.1f, yellow from %.1f).", latencyMs(waitedMs), Text.at(wallMs), monitors, parks,
                waiting, RED_THREADS, YELLOW_THREADS)
                + (locks.isEmpty() ? "" : "\nBy lock class, most waited first:" + Text.evidence(locks, 3));
        String advice = "Hold the lock for less time (do the work outside the synchronized block and publish the"
                + " result), split it by key, or use a concurrent structure (ConcurrentHashMap, LongAdder, a"
                + " concurrent queue). Adding threads adds waiters, not throughput."
                + (facts.model() == ConcurrencyModel.VIRTUAL_THREADS
                        ? " On JDK 24 and later a virtual thread waiting for a monitor releases its carrier, but the"
                                + " wait still serializes the requests."
                        : "");
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    /** {@code dev.loupe.engine.server.workload.Contended$GlobalLock} → {@code Contended$GlobalLock}. */
    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

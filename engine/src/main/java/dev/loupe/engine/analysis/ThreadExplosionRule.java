package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;

import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.List;
import java.util.Optional;

/**
 * {@code thread-explosion}: the JVM runs far more platform threads than it has cores. <b>Yellow</b>
 * from {@value #YELLOW_THREADS} live platform threads, <b>red</b> from {@value #RED_THREADS}. Each
 * platform thread is a kernel thread with its own stack (reserved 1 MB by default on Linux x64), and
 * past a few hundred the scheduler's switching and the memory cost more than the threads gain.
 */
final class ThreadExplosionRule implements Rule {
    static final String ID = "thread-explosion";
    static final int YELLOW_THREADS = 500;
    static final int RED_THREADS = 2000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<TelemetrySecond> jvm = facts.jvm();
        int max = jvm.stream().mapToInt(TelemetrySecond::platformThreads).max().orElse(0);
        if (max < YELLOW_THREADS) {
            return Optional.empty();
        }
        int first = jvm.getFirst().platformThreads();
        Severity severity = max >= RED_THREADS ? Severity.RED : Severity.YELLOW;
        String title = f("Thread explosion: %,d platform threads", max);
        String evidence = f("Live platform threads: %,d in the first measured second, %,d at most (yellow from %,d, red"
                + " from %,d).", first, max, YELLOW_THREADS, RED_THREADS);
        String advice = switch (facts.model()) {
            case THREAD_PER_CONNECTION -> "Recycle threads (the accept-pool variant), cap them (server.maxThreads"
                    + " answers 503 beyond it), or serve connections on virtual threads. Each connection holds a"
                    + " platform thread for its whole life.";
            default -> "Use a bounded pool, or virtual threads for work that mostly waits. Something starts platform"
                    + " threads without a bound.";
        };
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }
}

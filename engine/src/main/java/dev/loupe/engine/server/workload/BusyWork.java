package dev.loupe.engine.server.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Busy work the JIT cannot remove: a loop of xorshift rounds mixed with {@link System#nanoTime}
 * readings until a deadline, its result kept in a field when it hits an improbable value (so it is
 * always computed, and the field is almost never written: no cache line is shared between threads).
 * Used by {@code cpu} and by {@code contended} (inside its lock).
 */
final class BusyWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long IMPROBABLE = 0x9E3779B97F4A7C15L;

    /** Written only when the mix equals {@link #IMPROBABLE}; it exists so the mix is used. */
    @SuppressWarnings("unused")
    private static long sink;

    private BusyWork() {}

    /** Spins on this thread until {@code nanos} of wall-clock time have passed. */
    static void spinFor(long nanos) {
        long start = System.nanoTime();
        consume(spinUntil(start + nanos, start));
    }

    /**
     * Burns at least {@code nanos} of this thread's CPU time where the JVM can measure it (platform
     * threads): if the operating system took the core away for a while, the spin goes on until the
     * thread has really computed that long, as a fixed amount of real work would. A virtual thread's
     * CPU time cannot be read ({@code -1}); it spins {@code nanos} of wall-clock time while holding its
     * carrier (virtual threads are not time-sliced, so that is CPU time unless the OS preempts the
     * carrier).
     */
    static void burnCpu(long nanos) {
        long start = System.nanoTime();
        long cpuStart = cpuTimeNanos();
        long mix = spinUntil(start + nanos, start);
        if (cpuStart >= 0) {
            for (long used = cpuTimeNanos() - cpuStart; used < nanos; used = cpuTimeNanos() - cpuStart) {
                mix = spinUntil(System.nanoTime() + (nanos - used), mix);
            }
        }
        consume(mix);
    }

    /** This thread's CPU time in ns, or -1 when it cannot be measured (a virtual thread, or disabled). */
    static long cpuTimeNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private static long spinUntil(long deadlineNanos, long mix) {
        long now;
        do {
            for (int i = 0; i < 32; i++) {
                mix ^= mix << 13;
                mix ^= mix >>> 7;
                mix ^= mix << 17;
            }
            now = System.nanoTime();
            mix += now;
        } while (now - deadlineNanos < 0);
        return mix;
    }

    /** Keeps {@code value} observable, so the work that made it cannot be optimized away. */
    static void consume(long value) {
        if (value == IMPROBABLE) {
            sink = value;
        }
    }
}

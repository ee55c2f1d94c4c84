package dev.loupe.engine.report;

import dev.loupe.engine.telemetry.ThreadRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's sampled stacks of a whole run, added up from the journal's {@code stacks} lines: what
 * its flame graphs are rebuilt from when {@code recording.jfr} is missing or unreadable.
 *
 * @param cpuSamples execution samples by collapsed stack (root first, {@code ;} between frames)
 * @param allocationBytes allocation sample weights by collapsed stack
 * @param allocationSamples how many allocation samples those are
 * @param leftOut samples of Loupe's and the JVM's own threads, by role
 * @param seconds how many seconds had samples
 */
public record JournalStacks(Map<String, Long> cpuSamples, Map<String, Long> allocationBytes, long allocationSamples,
        Map<ThreadRole, Long> leftOut, int seconds) {
    public static final JournalStacks NONE = new JournalStacks(Map.of(), Map.of(), 0, Map.of(), 0);

    public JournalStacks {
        cpuSamples = Collections.unmodifiableMap(new LinkedHashMap<>(cpuSamples));
        allocationBytes = Collections.unmodifiableMap(new LinkedHashMap<>(allocationBytes));
        leftOut = leftOut.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(leftOut));
    }

    /** Whether no second had samples. */
    public boolean isEmpty() {
        return seconds == 0;
    }

    /** The execution samples' count. */
    public long cpuTotal() {
        return cpuSamples.values().stream().mapToLong(Long::longValue).sum();
    }
}

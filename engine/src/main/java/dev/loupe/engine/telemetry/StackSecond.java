package dev.loupe.engine.telemetry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One second of the server's sampled stacks, for the journal: what a run folder's flame graphs are
 * rebuilt from when its {@code recording.jfr} is lost (a run killed before JFR could write it). Each
 * stack is a collapsed flame-graph line without its count ({@link CollapsedStacks}); samples of Loupe's
 * and the JVM's own threads are only counted, as the flame graphs leave them out.
 *
 * @param startMs the second's start, ms since the run's start
 * @param endMs its end
 * @param cpuSamples the server's execution samples by stack, at most {@link #MAX_STACKS}
 * @param allocationBytes the server's allocation samples' weights by stack, at most {@link #MAX_STACKS}
 * @param allocationSamples how many allocation samples those weights add up
 * @param leftOut samples of other threads in the second, both kinds, by whose threads they were
 */
public record StackSecond(long startMs, long endMs, Map<String, Long> cpuSamples, Map<String, Long> allocationBytes,
        long allocationSamples, Map<ThreadRole, Long> leftOut) {
    /**
     * The most stacks of each kind a second keeps, its heaviest; the rest are summed under {@link
     * #OTHER_STACKS}, so the flame graph's total stays true.
     */
    public static final int MAX_STACKS = 200;
    /** The one-frame stack that stands for a second's stacks beyond {@link #MAX_STACKS}. */
    public static final String OTHER_STACKS = "[more stacks in one second than the journal keeps]";

    public StackSecond {
        cpuSamples = bounded(cpuSamples);
        allocationBytes = bounded(allocationBytes);
        leftOut = leftOut.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(leftOut));
    }

    /** Whether the second has no samples at all. */
    public boolean isEmpty() {
        return cpuSamples.isEmpty() && allocationBytes.isEmpty() && leftOut.isEmpty();
    }

    /** {@code stacks} with at most {@link #MAX_STACKS} entries, heaviest first, the rest summed as one. */
    static Map<String, Long> bounded(Map<String, Long> stacks) {
        if (stacks.size() <= MAX_STACKS) {
            return Map.copyOf(stacks);
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(stacks.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> kept = new LinkedHashMap<>();
        long rest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_STACKS - 1) {
                kept.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                rest += sorted.get(i).getValue();
            }
        }
        kept.merge(OTHER_STACKS, rest, Long::sum);
        return Map.copyOf(kept);
    }
}

package dev.loupe.engine.telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies of evidence by key, bounded: once {@link #MAX_KEYS} keys exist, a new key pushes the smallest
 * tally (by time, then count) into one extra {@code (other)} entry, so a run of any length keeps a fixed
 * amount and a big newcomer still gets its own line. Not thread-safe (the timeline guards it).
 */
final class TopCounts {
    static final int MAX_KEYS = 64;
    static final String OTHER = "(other)";

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    /** Counts one sighting of {@code key}; the first sighting's subject, detail, role and frames are kept. */
    void add(String key, String subject, String detail, ThreadRole role, double ms, List<String> frames) {
        Tally t = tallies.get(key);
        if (t == null) {
            if (tallies.size() >= MAX_KEYS) {
                evictSmallest();
            }
            t = new Tally(subject, detail, role.word(), frames);
            tallies.put(key, t);
        }
        t.events++;
        t.totalMs += ms;
        t.maxMs = Math.max(t.maxMs, ms);
    }

    /** The {@code limit} biggest, by total time and then by count. */
    List<Evidence> top(int limit) {
        List<Evidence> all = new ArrayList<>(tallies.size());
        for (Tally t : tallies.values()) {
            all.add(new Evidence(t.subject, t.detail, t.role, t.events, round(t.totalMs), round(t.maxMs), t.frames));
        }
        all.sort(Comparator.comparingDouble(Evidence::totalMs).reversed()
                .thenComparing(Comparator.comparingLong(Evidence::events).reversed()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private void evictSmallest() {
        String smallest = null;
        Tally min = null;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (!e.getKey().equals(OTHER) && (min == null || t.totalMs < min.totalMs
                    || (t.totalMs == min.totalMs && t.events < min.events))) {
                min = t;
                smallest = e.getKey();
            }
        }
        tallies.remove(smallest);
        Tally other = tallies.computeIfAbsent(OTHER, k -> new Tally(OTHER, "", "", List.of()));
        other.events += min.events;
        other.totalMs += min.totalMs;
        other.maxMs = Math.max(other.maxMs, min.maxMs);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static final class Tally {
        final String subject;
        final String detail;
        final String role;
        final List<String> frames;
        long events;
        double totalMs;
        double maxMs;

        Tally(String subject, String detail, String role, List<String> frames) {
            this.subject = subject;
            this.detail = detail;
            this.role = role;
            this.frames = frames;
        }
    }
}

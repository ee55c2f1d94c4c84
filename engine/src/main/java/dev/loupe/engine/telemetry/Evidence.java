package dev.loupe.engine.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * One line of evidence a finding can quote: what was seen (a lock class, a pinned reason, a late
 * loop, a hot method), how often, how long in total, and the stack it was seen with.
 *
 * @param subject what it is about: the lock's class, the pinned reason, the dispatch target, the frame
 * @param detail more about it (the late thread's name and state, the lock kind), or empty
 * @param role whose threads it happened on ({@link ThreadRole#word()})
 * @param events how many times it was seen
 * @param totalMs the time it accounts for (waits, pins, lateness); 0 for samples
 * @param maxMs the longest single one; 0 for samples
 * @param frames the stack of its first sighting, top first
 */
public record Evidence(String subject, String detail, String role, long events, double totalMs, double maxMs,
        List<String> frames) {
    public Evidence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(role, "role");
        frames = List.copyOf(frames);
    }
}

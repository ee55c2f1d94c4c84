package dev.loupe.engine.server;

import java.time.Duration;

/** Formats sizes and durations with their units for people: {@code 16 KiB}, {@code 30s}, {@code 250ms}. */
final class Units {
    private Units() {}

    /** {@code 512 B}, {@code 8 KiB}, {@code 1 MiB}; exact multiples only, otherwise bytes. */
    static String bytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    /** {@code 30s}, {@code 1500ms}, {@code 100us}: the largest unit that shows the value exactly. */
    static String duration(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}

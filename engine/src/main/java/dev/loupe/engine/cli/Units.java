package dev.loupe.engine.cli;

import java.util.Locale;

/** Numbers with their units for the console, always in {@link Locale#ROOT}. */
final class Units {
    private Units() {}

    /** A latency given in ms: {@code 87us}, {@code 1.25ms}, {@code 1.27s}. */
    static String latency(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.0fus", ms * 1000);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.2fms", ms);
        }
        return String.format(Locale.ROOT, "%.2fs", ms / 1000);
    }

    /** A byte count: {@code 512B}, {@code 4.10KB}, {@code 52.31MB}, {@code 1.02GB} (powers of 1024, as wrk prints them). */
    static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0fB", bytes) : String.format(Locale.ROOT, "%.2f%s", bytes, units[u]);
    }

    /** A rate: {@code 162469.0}. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2fs", s);
    }

    static String percent(double pct) {
        return String.format(Locale.ROOT, "%.3f%%", pct);
    }
}

package dev.loupe.engine.server;

import java.time.Duration;

/**
 * Validation for the server's configuration records. Each check returns the value so it can be used
 * inline, and each failure names the field, the value and the rule, e.g. {@code server.port: 70000
 * (expected: 0..65535)}.
 */
final class Checks {
    private Checks() {}

    static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    static Duration positive(String field, Duration value, Duration max) {
        present(field, value, "a duration > 0");
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: > 0 and <= " + max + ")");
        }
        return value;
    }

    static <T> T present(String field, T value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing (expected: " + expected + ")");
        }
        return value;
    }
}

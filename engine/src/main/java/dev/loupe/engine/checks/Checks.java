package dev.loupe.engine.checks;

import java.time.Duration;

/**
 * Checks that throw {@link IllegalArgumentException} with a message naming the field, the value and
 * the rule, and otherwise return the value.
 */
public final class Checks {
    private Checks() {}

    /** {@code value} within {@code min..max}, both included. */
    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    /** A duration longer than zero. */
    public static Duration positive(String field, Duration value) {
        present(field, value, "a duration > 0");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: > 0)");
        }
        return value;
    }

    /** A duration longer than zero and at most {@code max}. */
    public static Duration positive(String field, Duration value, Duration max) {
        present(field, value, "a duration > 0");
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: > 0 and <= " + max + ")");
        }
        return value;
    }

    /** A duration of zero or more. */
    public static Duration notNegative(String field, Duration value) {
        present(field, value, "a duration >= 0");
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: >= 0)");
        }
        return value;
    }

    /** A rate in requests per second, finite, from 0 to 10 million. */
    public static double rateRps(String field, double valueRps) {
        if (!(valueRps >= 0) || Double.isInfinite(valueRps) || valueRps > 10_000_000) {
            throw new IllegalArgumentException(field + ": " + valueRps + " (expected: 0..10000000 requests per second)");
        }
        return valueRps;
    }

    /** Not null. */
    public static <T> T present(String field, T value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing (expected: " + expected + ")");
        }
        return value;
    }
}

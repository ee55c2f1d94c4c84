package dev.loupe.engine.checks;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.time.Duration;

/**
 * ArgumentChecks that throw {@link IllegalArgumentException} with a message naming the field, the value and
 * the rule, and otherwise return the value.
 */
public final class ArgumentChecks {
    private ArgumentChecks() {}

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
            throw new IllegalArgumentException(field + ": " + show(value) + " (expected: more than 0s)");
        }
        return value;
    }

    /** A duration longer than zero and at most {@code max}. */
    public static Duration positive(String field, Duration value, Duration max) {
        present(field, value, "a duration > 0");
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + show(value) + " (expected: more than 0s and at most "
                    + Durations.format(max) + ")");
        }
        return value;
    }

    /** A duration of zero or more. */
    public static Duration notNegative(String field, Duration value) {
        present(field, value, "a duration >= 0");
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": " + show(value) + " (expected: 0s or more)");
        }
        return value;
    }

    /** A duration within {@code min..max}, both included. */
    public static Duration inRange(String field, Duration value, Duration min, Duration max) {
        present(field, value, "a duration");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": " + show(value) + " (expected: " + Durations.format(min) + ".." + Durations.format(max) + ")");
        }
        return value;
    }

    /** A finite number within {@code min..max}, both included. */
    public static double inRange(String field, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + Numbers.plain(value) + " (expected: " + Numbers.plain(min)
                    + ".." + Numbers.plain(max) + " " + unit + ")");
        }
        return value;
    }

    /** A duration as scenario files write it ({@code 250ms}), or as Java does when negative. */
    private static String show(Duration value) {
        return value.isNegative() ? value.toString() : Durations.format(value);
    }

    /** Not null. */
    public static <T> T present(String field, T value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing (expected: " + expected + ")");
        }
        return value;
    }
}

package dev.loupe.engine.load;

import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the field, the value and the rule; each returns the value. */
final class Checks {
    private Checks() {}

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    static Duration positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: a positive duration)");
        }
        return value;
    }

    static Duration notNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: zero or a positive duration)");
        }
        return value;
    }

    static double rate(String field, double valueRps) {
        if (!(valueRps >= 0) || Double.isInfinite(valueRps) || valueRps > 10_000_000) {
            throw new IllegalArgumentException(field + ": " + valueRps + " (expected: 0..10000000 requests per second)");
        }
        return valueRps;
    }
}

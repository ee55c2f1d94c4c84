package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import dev.loupe.engine.units.Quoted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks a record's constructor runs on its fields. Every check records a violation instead of
 * throwing and returns the value, so it can be used inline; {@link #done()} throws them all at once.
 * A {@code null} value is reported as {@code missing} by every check.
 */
final class FieldChecks {
    static final String MISSING = "missing";

    private final String prefix;
    private final List<InvalidValueException.Violation> found = new ArrayList<>();

    /** @param prefix where the record sits in a scenario file, e.g. {@code load}; empty for the root */
    FieldChecks(String prefix) {
        this.prefix = prefix;
    }

    <T> T present(String field, T value, String expected) {
        if (value == null) {
            fail(field, MISSING, expected);
        }
        return value;
    }

    int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            fail(field, Integer.toString(value), min + ".." + max);
        }
        return value;
    }

    /** {@code NaN} stands for a number the file does not give, and is reported as missing. */
    double range(String field, double value, double min, double max) {
        if (Double.isNaN(value)) {
            fail(field, MISSING, show(min) + ".." + show(max));
        } else if (!(value >= min && value <= max)) {
            fail(field, show(value), show(min) + ".." + show(max));
        }
        return value;
    }

    Duration range(String field, Duration value, Duration min, Duration max) {
        if (value == null) {
            fail(field, MISSING, Durations.format(min) + ".." + Durations.format(max));
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            fail(field, show(value), Durations.format(min) + ".." + Durations.format(max));
        }
        return value;
    }

    /** A field within one of {@link ScenarioLimits}' whole-number limits. */
    int range(ScenarioLimits.Whole limit, int value) {
        return range(ScenarioLimits.field(limit), value, (int) limit.min(), (int) limit.max());
    }

    /** A field within one of {@link ScenarioLimits}' decimal limits. */
    double range(ScenarioLimits.Decimal limit, double value) {
        return range(ScenarioLimits.field(limit), value, limit.min(), limit.max());
    }

    /** A field within one of {@link ScenarioLimits}' duration limits. */
    Duration range(ScenarioLimits.Span limit, Duration value) {
        return range(ScenarioLimits.field(limit), value, limit.min(), limit.max());
    }

    String matches(String field, String value, Pattern pattern, String expected) {
        if (value == null) {
            fail(field, MISSING, expected);
        } else if (!pattern.matcher(value).matches()) {
            fail(field, show(value), expected);
        }
        return value;
    }

    /** Records a violation unless {@code ok}; for rules that relate two fields. */
    void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            fail(field, show(value), expected);
        }
    }

    /** Like {@link #require}, with the value described rather than shown, e.g. {@code 3 stages}. */
    void requireDescribed(boolean ok, String field, String description, String expected) {
        if (!ok) {
            fail(field, description, expected);
        }
    }

    void fail(String field, String shownValue, String expected) {
        found.add(new InvalidValueException.Violation(prefix, field, shownValue, expected));
    }

    /** Whether a field already failed a check of this record (later rules that use it are skipped). */
    boolean failed(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    /** Throws every violation found, if any. */
    void done() {
        if (!found.isEmpty()) {
            throw new InvalidValueException(found);
        }
    }

    /** A value as a user would write it in a scenario file: strings quoted, durations with units. */
    static String show(Object value) {
        return switch (value) {
            case null -> MISSING;
            case String s -> quote(s);
            case Duration d -> quote(Durations.format(d));
            case Double d -> Numbers.plain(d);
            case Enum<?> e -> quote(e.toString());
            default -> value.toString();
        };
    }

    /** A string quoted as JSON would, shortened when long. */
    static String quote(String s) {
        return Quoted.of(s);
    }

    private static String show(double value) {
        return Numbers.plain(value);
    }
}

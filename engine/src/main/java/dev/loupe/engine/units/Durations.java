package dev.loupe.engine.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenario files and the command line write them: a number and a unit, no space,
 * e.g. {@code 250ms}, {@code 30s}, {@code 1.5s}, {@code 2m}. Units: {@code ns}, {@code us} (or
 * {@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}. The value must come to whole nanoseconds.
 */
public final class Durations {
    /** What a duration should look like, for messages. */
    public static final String EXPECTED = "a duration with a unit, e.g. 250ms, 30s or 2m; units: ns, us, ms, s, m, h";

    /** The syntax; the JSON schema's {@code duration} pattern says the same. */
    public static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})(?:\\.([0-9]{1,9}))?(ns|us|µs|ms|s|m|h)");

    private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the expected syntax
     */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(Quoted.of(text) + " (expected: " + EXPECTED + ")");
        }
        String unit = m.group(3).equals("µs") ? "us" : m.group(3);
        long unitNanos = NANOS[indexOf(unit)];
        BigDecimal amount = new BigDecimal(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unitNanos));
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException notWholeOrTooLong) {
            throw new IllegalArgumentException(Quoted.of(text)
                    + " (expected: " + EXPECTED + ", in whole nanoseconds and at most 2562047h)");
        }
    }

    /**
     * Writes {@code duration} in the largest unit that keeps it exact: {@code 30s}, {@code 1500ms},
     * {@code 2m}; zero is {@code 0s}. {@code parse(format(d))} equals {@code d}.
     *
     * @throws IllegalArgumentException for a negative duration, which scenario files cannot hold
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.getSeconds() > Long.MAX_VALUE / NANOS[2] - 1) { // beyond nanosecond range
            return duration.getSeconds() + "s";
        }
        long nanos = duration.toNanos();
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos % NANOS[i] == 0) {
                return String.format(Locale.ROOT, "%d%s", nanos / NANOS[i], UNITS[i]);
            }
        }
        throw new AssertionError("unreachable: every duration is a whole number of nanoseconds");
    }

    private static int indexOf(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        throw new AssertionError("the pattern admits only known units: " + unit);
    }
}

package dev.loupe.engine.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with their units for people, identical on every machine: {@link Locale#ROOT} (a point for
 * decimals, a comma between thousands, Latin digits) whatever the default locale.
 */
final class Numbers {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final BigDecimal MICROSECOND_NS = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLISECOND_NS = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal SECOND_NS = BigDecimal.valueOf(1_000_000_000);

    private Numbers() {}

    /** A number as JSON would show it, without a trailing {@code .0}: {@code 50}, {@code 0.25}. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** At most three significant digits: {@code 0.119}, {@code 12.3}, {@code 1960}, {@code 0}. */
    static String significant(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /**
     * A latency given in milliseconds, with three significant digits in the unit that suits it:
     * {@code 87.0 µs}, {@code 3.20 ms}, {@code 61.2 ms}, {@code 1.40 s}. Trailing zeros stay, so every
     * latency shows the same precision. Rounding can move a value up a unit: 0.9996 ms is
     * {@code 1.00 ms}, not {@code 1000 µs}.
     */
    static String latencyMs(double ms) {
        if (!Double.isFinite(ms)) {
            return Double.toString(ms) + " ms";
        }
        if (ms == 0) {
            return "0 ms";
        }
        BigDecimal ns = BigDecimal.valueOf(ms).multiply(MILLISECOND_NS).round(THREE_DIGITS);
        BigDecimal magnitude = ns.abs();
        String unit;
        BigDecimal scale;
        if (magnitude.compareTo(MILLISECOND_NS) < 0) {
            unit = "µs";
            scale = MICROSECOND_NS;
        } else if (magnitude.compareTo(SECOND_NS) < 0) {
            unit = "ms";
            scale = MILLISECOND_NS;
        } else {
            unit = "s";
            scale = SECOND_NS;
        }
        BigDecimal inUnit = ns.divide(scale);
        int leadingDigitExponent = inUnit.precision() - inUnit.scale() - 1;
        return inUnit.setScale(Math.max(0, 2 - leadingDigitExponent), RoundingMode.UNNECESSARY).toPlainString() + " " + unit;
    }

    /** A count with thousands separators: {@code 5,880}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A rate with one decimal and thousands separators: {@code 1,957.7 req/s}. */
    static String rateRps(double rps) {
        return String.format(Locale.ROOT, "%,.1f req/s", rps);
    }

    /** A percentage with at most three significant digits: {@code 0.119 %}. */
    static String percent(double pct) {
        return significant(pct) + " %";
    }

    /** Seconds with at most three significant digits: {@code 3 s}, {@code 29.8 s}. */
    static String seconds(double s) {
        return significant(s) + " s";
    }
}

package dev.loupe.engine.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Every number Loupe shows to people, with its unit, identical on every machine: {@link Locale#ROOT}
 * (a point for decimals, a comma between thousands, Latin digits) whatever the default locale. On
 * screen, in the console, in findings and in reports a quantity is written the same way, with at most
 * three significant digits where it is measured, and exactly where it is a setting.
 */
public final class Numbers {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final BigDecimal MICROSECOND_NS = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLISECOND_NS = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal SECOND_NS = BigDecimal.valueOf(1_000_000_000);
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Numbers() {}

    /**
     * A number as JSON would show it, without a trailing {@code .0}: {@code 50}, {@code 0.25}; the
     * form of a setting the user wrote.
     */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** At most three significant digits: {@code 0.119}, {@code 12.3}, {@code 1960}, {@code 0}. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /**
     * A latency or another measured time given in milliseconds, with three significant digits in the
     * unit that suits it: {@code 87.0 µs}, {@code 3.20 ms}, {@code 61.2 ms}, {@code 1.40 s}. Trailing
     * zeros stay, so every latency shows the same precision. Rounding can move a value up a unit:
     * 0.9996 ms is {@code 1.00 ms}, not {@code 1000 µs}.
     */
    public static String latencyMs(double ms) {
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
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count and its noun, singular for one: {@code 1 connection}, {@code 1,024 connections}. */
    public static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** A rate with one decimal and thousands separators: {@code 1,957.7 req/s}. */
    public static String rateRps(double rps) {
        return String.format(Locale.ROOT, "%,.1f req/s", rps);
    }

    /** A percentage with at most three significant digits: {@code 0.119 %}. */
    public static String percent(double pct) {
        return significant(pct) + " %";
    }

    /** Seconds with at most three significant digits: {@code 3 s}, {@code 29.8 s}. */
    public static String seconds(double s) {
        return significant(s) + " s";
    }

    /** Megabytes (10<sup>6</sup> bytes, as the JVM's telemetry reports them) with three significant digits: {@code 12.3 MB}. */
    public static String megabytes(double mb) {
        return significant(mb) + " MB";
    }

    /**
     * A measured amount of data in binary units with three significant digits: {@code 512 B},
     * {@code 4.10 KiB}, {@code 52.3 MiB}.
     */
    public static String bytes(double bytes) {
        int u = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && u < BINARY_UNITS.length - 1) {
            value /= 1024;
            u++;
        }
        if (u == 0) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        BigDecimal inUnit = BigDecimal.valueOf(value).round(THREE_DIGITS);
        int leadingDigitExponent = inUnit.precision() - inUnit.scale() - 1;
        return inUnit.setScale(Math.max(0, 2 - leadingDigitExponent), RoundingMode.HALF_UP).toPlainString()
                + " " + BINARY_UNITS[u];
    }

    /**
     * A size as a setting is written, in the largest binary unit that shows it exactly, without a
     * space so it reads back as a parameter: {@code 512B}, {@code 16KiB}, {@code 1MiB}.
     */
    public static String exactSize(long bytes) {
        for (int u = BINARY_UNITS.length - 1; u > 0; u--) {
            long unit = 1L << (10 * u);
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + BINARY_UNITS[u];
            }
        }
        return bytes + "B";
    }

    /** A share given in parts per million, as a setting is written: {@code 10%}, {@code 0.5%}. */
    public static String partsPerMillionAsPercent(long partsPerMillion) {
        return new BigDecimal(partsPerMillion).movePointLeft(4).stripTrailingZeros().toPlainString() + "%";
    }
}

package dev.loupe.engine.server.workload;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads workload parameters: durations ({@code 100us}, {@code 1ms}, in the engine's one syntax, see
 * {@link Durations}), sizes ({@code 512B}, {@code 16KiB}, {@code 1MiB}) and shares ({@code 10%},
 * {@code 0.5%}), each within bounds. A bad value throws {@link IllegalArgumentException} with a
 * message naming what the value is, the value and the rule, ending in {@code (expected: …)} (the
 * scenario reader quotes that part), e.g. {@code sleep time '0ms' (expected: 1us..10s)}.
 */
final class Parameters {
    /** Sizes: a whole number and a binary unit; the unit is read in any case. */
    static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);
    /** Shares: a percentage with up to 4 decimals, the percent sign required. */
    static final Pattern PERCENT = Pattern.compile("([0-9]{1,3})(?:\\.([0-9]{1,4}))?%");
    /** A whole share: 100 % in parts per million. */
    static final long MILLION = 1_000_000;

    private Parameters() {}

    /**
     * A duration from {@code min} to {@code max}, both included.
     *
     * @param what what the duration is, for the message, e.g. {@code sleep time}
     */
    static Duration duration(String what, String text, Duration min, Duration max) {
        String range = Durations.format(min) + ".." + Durations.format(max);
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "' (expected: a duration with a unit, "
                    + range + ", e.g. 100us or 1ms; units: ns, us, ms, s)", e);
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " '" + text + "' (expected: " + range + ")");
        }
        return d;
    }

    /** A size in bytes from {@code min} to {@code max}, both included. */
    static long bytes(String what, String text, long min, long max) {
        String range = Numbers.exactSize(min) + ".." + Numbers.exactSize(max);
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            String hint = text.toUpperCase(Locale.ROOT).matches("[0-9]+[KMG]B?") ? " (1KiB = 1024 bytes)" : "";
            throw new IllegalArgumentException(what + " '" + text + "' (expected: a whole number and a unit B, KiB,"
                    + " MiB or GiB" + hint + ", " + range + ", e.g. 16KiB)");
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "b" -> 1;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            default -> 1L << 30;
        };
        long number = Long.parseLong(m.group(1));
        long bytes = number > max / unit ? Long.MAX_VALUE : number * unit;
        if (bytes < min || bytes > max) {
            throw new IllegalArgumentException(what + " '" + text + "' (expected: " + range + ")");
        }
        return bytes;
    }

    /** A share from 0% to 100%, in parts per million (10% is 100000). */
    static long partsPerMillion(String what, String text) {
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " '" + text
                    + "' (expected: a percentage 0%..100% with the percent sign, e.g. 10% or 0.5%)");
        }
        BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1));
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(what + " '" + text + "' (expected: 0%..100%)");
        }
        return percent.multiply(BigDecimal.valueOf(MILLION / 100)).longValueExact();
    }
}

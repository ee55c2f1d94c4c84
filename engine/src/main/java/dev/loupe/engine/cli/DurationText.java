package dev.loupe.engine.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations as people type them on a command line: {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
final class DurationText {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private DurationText() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected: a number and a unit, e.g. 250ms, 10s, 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = amount * nanosPerUnit;
        if (nanos > Duration.ofDays(365).toNanos()) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration (expected: at most a year)");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Formats a duration the way {@link #parse} reads it, e.g. {@code 250ms}, {@code 10s}, {@code 1.5s}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms < 1000 ? ms + "ms" : String.format(Locale.ROOT, "%.3gs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 && s >= 60 ? s / 60 + "m" : s + "s";
    }

    /** picocli's hook: a bad duration is a usage error (exit code 2) with the message above. */
    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

package dev.loupe.engine.cli;

import dev.loupe.engine.units.Durations;
import java.time.Duration;
import picocli.CommandLine;

/**
 * picocli's hook for duration options: the same syntax as scenario files ({@link Durations}:
 * {@code 250ms}, {@code 10s}, {@code 1.5s}, {@code 2m}); a bad one is a usage error (exit code 2).
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}

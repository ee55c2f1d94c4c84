package dev.loupe.engine.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * Fills one {@code {name}} placeholder of a request's path, per request. Called on the generator's
 * I/O threads (possibly several at once), so it must be thread-safe and quick; it should write
 * URL-safe ASCII (a space or line break breaks the request, which the server will then reject).
 * At most {@link #MAX_BYTES} bytes per value.
 */
@FunctionalInterface
public interface PlaceholderValue {
    /** The most bytes one value may write. */
    int MAX_BYTES = 1024;

    /**
     * Writes the value for request {@code requestIndex} (0, 1, 2… over the whole run) into {@code out}.
     */
    void write(long requestIndex, ByteBuffer out);

    /** A decimal number computed from the request index; writes digits without allocating. */
    static PlaceholderValue ofLong(LongUnaryOperator valueForRequest) {
        return (n, out) -> writeDecimal(valueForRequest.applyAsLong(n), out);
    }

    /** A uniformly distributed number in {@code [min, max]}, deterministic for {@code seed}; allocation-free. */
    static PlaceholderValue uniformLong(long min, long max, long seed) {
        if (max < min) {
            throw new IllegalArgumentException("uniformLong: max " + max + " (expected: >= min " + min + ")");
        }
        long span = max - min + 1;
        return (n, out) -> {
            long r = Mix.mix64(seed + n * 0x9E3779B97F4A7C15L) >>> 1;
            writeDecimal(min + (span <= 0 ? r : r % span), out);
        };
    }

    /** Text computed per request (allocates a string each time; prefer {@link #ofLong} on hot paths). */
    static PlaceholderValue ofText(LongFunction<String> valueForRequest) {
        return (n, out) -> out.put(valueForRequest.apply(n).getBytes(StandardCharsets.US_ASCII));
    }

    /** The same text every time. */
    static PlaceholderValue constant(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        return (n, out) -> out.put(bytes);
    }

    /** Writes {@code value} in decimal ASCII. */
    static void writeDecimal(long value, ByteBuffer out) {
        if (value == Long.MIN_VALUE) {
            out.put("-9223372036854775808".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (value < 0) {
            out.put((byte) '-');
            value = -value;
        }
        long div = 1;
        while (value / div >= 10) {
            div *= 10;
        }
        while (div > 0) {
            out.put((byte) ('0' + (value / div) % 10));
            div /= 10;
        }
    }
}

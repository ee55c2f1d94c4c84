package dev.loupe.engine.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The value of the {@code Date} header (IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}),
 * formatted at most once per second of the injected clock and shared by every connection of a server.
 * Thread-safe: any thread may call {@link #current()}.
 */
public final class HttpDate {
    /** Length of an IMF-fixdate in bytes. */
    public static final int LENGTH = 29;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final InstantSource clock;
    private volatile Formatted last;

    private record Formatted(long epochSecond, byte[] bytes) {}

    public HttpDate(InstantSource clock) {
        this.clock = clock;
        this.last = format(Math.floorDiv(clock.millis(), 1000));
    }

    /** The formatted date for this second, {@value #LENGTH} ASCII bytes; callers must not change it. */
    public byte[] current() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Formatted f = last;
        if (f.epochSecond != second) {
            f = format(second);
            last = f; // a race only formats the same second twice
        }
        return f.bytes;
    }

    private static Formatted format(long epochSecond) {
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
        return new Formatted(epochSecond, text.getBytes(StandardCharsets.US_ASCII));
    }
}

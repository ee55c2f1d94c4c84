package dev.loupe.engine.measure;

/**
 * Failed requests by {@link ErrorClass}; {@code result.json}'s {@code summary.errors}. Each failed
 * request counts once, so {@code total} is the sum of the classes.
 */
public record ErrorCounts(
        long connect, long read, long write, long timeout, long malformed, long status4xx, long status5xx, long total) {

    public static final ErrorCounts NONE = of(0, 0, 0, 0, 0, 0, 0);

    public ErrorCounts {
        long sum = connect + read + write + timeout + malformed + status4xx + status5xx;
        if (total != sum) {
            throw new IllegalArgumentException("errors.total: " + total + " (expected: the sum of the classes, " + sum + ")");
        }
    }

    /** The counts with {@code total} filled in. */
    public static ErrorCounts of(
            long connect, long read, long write, long timeout, long malformed, long status4xx, long status5xx) {
        return new ErrorCounts(connect, read, write, timeout, malformed, status4xx, status5xx,
                connect + read + write + timeout + malformed + status4xx + status5xx);
    }

    /** The count of one class. */
    public long count(ErrorClass errorClass) {
        return switch (errorClass) {
            case CONNECT -> connect;
            case READ -> read;
            case WRITE -> write;
            case TIMEOUT -> timeout;
            case MALFORMED -> malformed;
            case STATUS_4XX -> status4xx;
            case STATUS_5XX -> status5xx;
        };
    }

    public ErrorCounts plus(ErrorCounts other) {
        return of(connect + other.connect, read + other.read, write + other.write, timeout + other.timeout,
                malformed + other.malformed, status4xx + other.status4xx, status5xx + other.status5xx);
    }
}

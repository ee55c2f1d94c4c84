package dev.loupe.engine.measure;

/**
 * TCP connection events; {@code result.json}'s {@code summary.connections}.
 *
 * @param requested connects started
 * @param established connects that succeeded
 * @param failed connects that failed (refused, unreachable, timed out)
 * @param reconnects established connects on a slot that had been connected before (the server
 *     closed the connection, an error closed it, or keep-alive is off)
 */
public record ConnectionCounts(long requested, long established, long failed, long reconnects) {
    public static final ConnectionCounts NONE = new ConnectionCounts(0, 0, 0, 0);

    public ConnectionCounts plus(ConnectionCounts other) {
        return new ConnectionCounts(requested + other.requested, established + other.established,
                failed + other.failed, reconnects + other.reconnects);
    }
}

package dev.loupe.engine.server.http;

import dev.loupe.engine.server.HttpVersion;

/** Whether a connection stays open after a response, and so which {@code Connection} header it gets. */
public enum Persistence {
    /** HTTP/1.1 keep-alive: the default, no header needed. */
    KEEP_ALIVE,
    /** HTTP/1.0 keep-alive, which must be confirmed with {@code Connection: keep-alive}. */
    KEEP_ALIVE_1_0,
    /** The server closes after this response and says so with {@code Connection: close}. */
    CLOSE;

    /**
     * The rule for one request: close when the client asked to (or, on HTTP/1.0, did not ask to keep
     * it) or when the server is stopping.
     */
    public static Persistence of(RequestParser parser, boolean stopping) {
        if (stopping || !parser.keepAlive()) {
            return CLOSE;
        }
        return parser.version() == HttpVersion.HTTP_1_0 ? KEEP_ALIVE_1_0 : KEEP_ALIVE;
    }
}

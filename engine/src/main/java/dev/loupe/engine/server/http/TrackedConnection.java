package dev.loupe.engine.server.http;

/**
 * A connection as the {@link ConnectionRegistry} sees it when a server stops. Both methods are called
 * from the stopping thread, never the connection's own, and must be safe against it.
 */
public interface TrackedConnection {

    /**
     * Closes the connection if it is between requests (no byte of a next request has arrived);
     * otherwise leaves it to finish its request and close after the response.
     *
     * @return true if it was idle and is now closed
     */
    boolean closeIfIdle();

    /** Closes the connection now, whatever it is doing, and interrupts the thread serving it. */
    void forceClose();
}

package dev.loupe.engine.server;

import java.net.InetSocketAddress;

/** A started server. Closing it stops it gracefully within its configured bound. */
public interface RunningServer extends AutoCloseable {

    /** The bound address; the port is the real one even when port 0 was asked for. */
    InetSocketAddress address();

    /** Connections accepted and not yet closed, at this instant. */
    int openConnections();

    /**
     * Stops accepting, lets requests in flight finish within the graceful-stop bound, then closes
     * every connection and waits for the server's threads to end. Safe to call more than once.
     */
    @Override
    void close();
}

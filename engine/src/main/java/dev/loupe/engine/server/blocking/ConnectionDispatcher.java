package dev.loupe.engine.server.blocking;

/**
 * How a blocking variant gives an accepted connection a thread: what tells the variants apart. Called
 * only from the acceptor thread.
 */
@FunctionalInterface
interface ConnectionDispatcher {

    /**
     * Runs the connection on some thread, now or later.
     *
     * @throws java.util.concurrent.RejectedExecutionException (or another runtime exception) when it
     *     cannot; the acceptor then closes that connection and carries on
     */
    void dispatch(BlockingConnection connection);
}

package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.time.Duration;
import java.util.List;

/**
 * What a variant with one acceptor thread does with each accepted connection: give it a thread now,
 * queue it for one, or refuse it. {@link #dispatch} is called only from the {@link Acceptor} thread;
 * the other methods from any thread.
 */
interface ConnectionDispatcher {

    /** Starts the dispatcher's own threads, if it has any; called once, before the first dispatch. */
    default void start() {}

    /**
     * Runs the connection on some thread, now or later.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the variant is at its limit (thread
     *     cap, full queue): the acceptor answers 503 and closes the connection, and counts it
     * @throws RuntimeException (another) when it fails: the acceptor closes that connection, records an
     *     internal error and carries on
     */
    void dispatch(BlockingConnection connection);

    /** Takes a queued connection back before any thread runs it: see {@link ThreadModel#withdraw}. */
    default boolean withdraw(BlockingConnection connection) {
        return false;
    }

    /** Connections waiting for a thread, now. */
    default int queueLength() {
        return 0;
    }

    /** Where dispatch-delay probes go. */
    List<DispatchTarget> dispatchTargets();

    /**
     * Ends the dispatcher's threads, waiting at most {@code bound}; called by the stopping thread once
     * every connection has closed. Afterwards its targets refuse probes.
     */
    void stop(Duration bound) throws InterruptedException;
}

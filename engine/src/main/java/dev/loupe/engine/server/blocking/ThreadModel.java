package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.time.Duration;
import java.util.List;

/**
 * How a blocking variant gives accepted connections their threads: what tells the variants apart. The
 * {@link BlockingServer} binds the listener, registers connections, answers refusals and runs the
 * graceful stop; the thread model owns every thread that accepts or serves.
 *
 * <p>Most models have one acceptor thread and differ only in what it does with a connection: those
 * are a {@link ConnectionDispatcher} behind an {@link Acceptor}. {@code accept-pool} accepts on the
 * serving threads themselves and implements this interface directly.
 */
interface ThreadModel {

    /**
     * Starts the threads that accept from {@link BlockingServer#listener()}. Called once, by the
     * thread starting the server, before it returns the server.
     */
    void start(BlockingServer server);

    /** Connections accepted and waiting for a thread, now. Any thread may call it. */
    default int queueLength() {
        return 0;
    }

    /**
     * Takes {@code connection} back out of the queue it waits in for a thread, so that no thread will
     * run it; the caller then answers it. Any thread may call it.
     *
     * @return whether it was still queued and is now withdrawn; false when a thread has it, or the
     *     model never queues
     */
    default boolean withdraw(BlockingConnection connection) {
        return false;
    }

    /** Where dispatch-delay probes go: see {@link DispatchTarget}. */
    List<DispatchTarget> dispatchTargets();

    /**
     * Ends this model's threads and waits at most {@code bound} for them. Called once by the stopping
     * thread, after the listener has closed and every connection has finished or been forced closed;
     * afterwards dispatch targets refuse probes.
     */
    void stop(Duration bound) throws InterruptedException;
}

package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * A new thread per connection from a factory ({@code virtual-threads}: virtual; {@code
 * thread-per-connection}: platform), optionally with a cap on the connections served at once: at the
 * cap, or when the system cannot start another thread, a connection is rejected (the acceptor answers
 * 503). Dispatch-delay probes each start a new thread the same way a connection does, from a probe
 * factory, so their delay is how late a freshly started thread of that kind first runs.
 */
final class NewThreadDispatcher implements ConnectionDispatcher {
    private final ThreadFactory connectionThreads;
    private final Semaphore slots;
    private final List<DispatchTarget> targets;
    private volatile boolean stopped;

    /**
     * @param connectionThreads makes each connection's thread
     * @param cap the most connections served at once, or 0 for no cap
     * @param targetName the dispatch target's name, for charts and findings
     * @param targetThreadPrefix the name prefix of the threads whose stacks explain a late probe
     * @param probeThreads makes each probe's thread
     */
    NewThreadDispatcher(ThreadFactory connectionThreads, int cap, String targetName, String targetThreadPrefix,
            ThreadFactory probeThreads) {
        this.connectionThreads = connectionThreads;
        this.slots = cap > 0 ? new Semaphore(cap) : null;
        this.targets = List.of(new ProbeTarget(targetName, targetThreadPrefix, probe -> {
            if (stopped) {
                throw new RejectedExecutionException("the server has stopped");
            }
            probeThreads.newThread(probe).start();
        }));
    }

    @Override
    public void dispatch(BlockingConnection connection) {
        if (slots == null) {
            connectionThreads.newThread(connection).start();
            return;
        }
        if (!slots.tryAcquire()) {
            throw new RejectedExecutionException("at the thread cap");
        }
        Thread thread;
        try {
            thread = connectionThreads.newThread(() -> {
                try {
                    connection.run();
                } finally {
                    slots.release();
                }
            });
            thread.start();
        } catch (OutOfMemoryError e) { // "unable to create native thread": the system's own cap
            slots.release();
            throw new RejectedExecutionException("cannot start a thread", e);
        }
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return targets;
    }

    @Override
    public void stop(Duration bound) {
        stopped = true; // the connection threads have finished: every connection closed before this
    }
}

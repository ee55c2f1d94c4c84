package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.ServerThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of platform worker threads ({@value ServerThreads#WORKER_PREFIX}N)
 * started with the server and fed by one bounded FIFO queue of connections. A worker serves a connection for its whole life, so
 * with keep-alive a connection waits in the queue until a worker's current connection closes; a
 * connection that finds the queue full is rejected (the acceptor answers 503). A capacity of 0 means
 * no queue at all: a connection is handed over only if a worker is waiting for one.
 *
 * <p>Dispatch target {@code workers}: a probe joins the same queue as the connections and runs on a
 * worker, so its delay is exactly the queue wait a connection arriving at that moment would see. A
 * probe that finds the queue full is rejected (dropped).
 */
final class ConnectionQueuePool implements ConnectionDispatcher {
    private static final System.Logger LOG = System.getLogger(ConnectionQueuePool.class.getName());

    private final BlockingQueue<Runnable> queue;
    private final ThreadPoolExecutor workers;
    private final List<DispatchTarget> targets;

    /**
     * @param workerThreads makes the workers, named {@value ServerThreads#WORKER_PREFIX}N
     * @param threads how many workers
     * @param queueCapacity connections that may wait; 0 for a direct hand-off
     */
    ConnectionQueuePool(ThreadFactory workerThreads, int threads, int queueCapacity) {
        this.queue = queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, workerThreads,
                new ThreadPoolExecutor.AbortPolicy());
        this.targets = List.of(new ProbeTarget("workers", ServerThreads.WORKER_PREFIX,
                probe -> workers.execute(() -> runProbe(probe))));
    }

    /** A failing probe must not cost the pool a worker. */
    private static void runProbe(Runnable probe) {
        try {
            probe.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "loupe server: a dispatch-delay probe failed", e);
        }
    }

    @Override
    public void start() {
        workers.prestartAllCoreThreads();
    }

    @Override
    public void dispatch(BlockingConnection connection) {
        workers.execute(connection); // RejectedExecutionException when the queue is full
    }

    @Override
    public int queueLength() {
        return queue.size();
    }

    /** Removes it from the queue, which is atomic against a worker taking it. */
    @Override
    public boolean withdraw(BlockingConnection connection) {
        return workers.remove(connection);
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return targets;
    }

    @Override
    public void stop(Duration bound) throws InterruptedException {
        // Every connection has closed; anything still queued is a closed connection or a probe.
        workers.shutdownNow();
        workers.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS);
    }
}

package dev.loupe.engine.server.nio;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.ServerThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The handler threads of {@code event-loop-offload} ({@code loupe-server-worker-N}): a fixed pool with
 * one queue. The queue is unbounded in type but not in practice: each connection has at most one
 * request at a worker at a time, so it never holds more tasks than there are open connections. As a
 * {@link DispatchTarget} it measures how long a task waits in that queue.
 */
final class HandlerPool implements DispatchTarget, Executor {
    /** The prefix of worker thread names; a number from 0 follows. */
    static final String THREAD_PREFIX = ServerThreads.PREFIX + "worker-";

    private final ThreadPoolExecutor pool;
    /** Every thread the pool started, so a stop can wait until each has really ended. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    HandlerPool(int threadCount) {
        ThreadFactory named = Thread.ofPlatform().name(THREAD_PREFIX, 0).daemon(true).factory();
        pool = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = named.newThread(task);
                    threads.add(t);
                    return t;
                });
        pool.prestartAllCoreThreads();
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public String threadNamePrefix() {
        return THREAD_PREFIX;
    }

    /**
     * Queues the task for the next free worker. Any thread; never blocks.
     *
     * @throws RejectedExecutionException once the pool is stopping
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Lets queued and running tasks finish, then ends the threads. */
    void shutdown() {
        pool.shutdown();
    }

    /** Drops queued tasks and interrupts running handlers. */
    void shutdownNow() {
        pool.shutdownNow();
    }

    /** Waits at most the bound for every worker thread to end (not only the pool); true if they did. */
    boolean awaitTermination(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        if (!pool.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread t : threads) { // the pool reports termination just before its last thread returns
            if (!t.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "HandlerPool[" + pool.getPoolSize() + " threads, " + pool.getQueue().size() + " queued]";
    }
}

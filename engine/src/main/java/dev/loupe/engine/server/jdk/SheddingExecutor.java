package dev.loupe.engine.server.jdk;

import dev.loupe.engine.server.ServerThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The executor of {@code jdk-httpserver}'s fixed and cached kinds, which never leaves an exchange
 * without an answer. The JDK reads each request on an executor thread and closes the connection
 * unanswered when the executor rejects it; queued behind slow clients, a complete request would wait
 * for them however long they take. Here an exchange the pool rejects (queue full, cached threads at
 * their cap), or one that waited in the queue longer than {@code queueBound}, is shed instead: it runs
 * on a virtual thread of its own ({@value #SHED_PREFIX}N), where the JDK still reads the request and
 * the handler ({@link ExchangeHandler}) answers 503 at once, with {@code Retry-After} and {@code
 * Connection: close}. One platform thread ({@value #SWEEPER}) looks at the queue every tick, an
 * eighth of the bound between 5 and 250 ms.
 *
 * <p>Dispatch-delay probes go to the pool directly ({@link #executeProbe}): a probe is never shed,
 * since its delay is the queue wait a request would see.
 */
final class SheddingExecutor extends AbstractExecutorService {
    static final String SHED_PREFIX = ServerThreads.PREFIX + "jdk-shed-";
    static final String SWEEPER = ServerThreads.PREFIX + "jdk-shedder";
    private static final ThreadLocal<Boolean> SHEDDING = ThreadLocal.withInitial(() -> false);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ThreadPoolExecutor pool;
    private final ExecutorService shed = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(SHED_PREFIX, 1).factory());
    private final long queueBoundNanos;
    private final long tickNanos;
    private final LongAdder shedCount = new LongAdder();
    private final Thread sweeper;
    private volatile boolean running = true;

    /** A queued exchange and when it was queued. */
    private record Queued(Runnable task, long queuedAtNanos) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    /**
     * @param threads the pool's core and most threads
     * @param queue where exchanges wait for a thread (a {@link java.util.concurrent.SynchronousQueue}
     *     for none)
     * @param keepAlive how long a thread above the core count stays idle before it ends
     * @param queueBound the longest an exchange may wait in the queue before it is shed
     */
    SheddingExecutor(int coreThreads, int maxThreads, Duration keepAlive, BlockingQueue<Runnable> queue,
            ThreadFactory threadFactory, Duration queueBound) {
        this.pool = new ThreadPoolExecutor(coreThreads, maxThreads, keepAlive.toNanos(), TimeUnit.NANOSECONDS, queue,
                threadFactory, new ThreadPoolExecutor.AbortPolicy());
        this.queueBoundNanos = queueBound.toNanos();
        this.tickNanos = Math.clamp(queueBoundNanos / 8, MIN_TICK_NANOS, MAX_TICK_NANOS);
        this.sweeper = Thread.ofPlatform().name(SWEEPER).daemon(true).start(this::sweep);
    }

    /** Whether the calling thread runs a shed exchange: the handler then answers 503 and nothing else. */
    static boolean shedding() {
        return SHEDDING.get();
    }

    /** Exchanges shed since the start. */
    long shedCount() {
        return shedCount.sum();
    }

    /** Exchanges waiting for a thread, now. */
    int queueLength() {
        return pool.getQueue().size();
    }

    /** An exchange from the JDK: to the pool, or shed when the pool cannot take it. */
    @Override
    public void execute(Runnable exchange) {
        try {
            pool.execute(new Queued(exchange, System.nanoTime()));
        } catch (RejectedExecutionException full) {
            if (pool.isShutdown()) {
                throw full;
            }
            shedNow(exchange);
        }
    }

    /**
     * A dispatch-delay probe: to the pool only.
     *
     * @throws RejectedExecutionException when the queue is full or the executor stopped
     */
    void executeProbe(Runnable probe) {
        pool.execute(probe);
    }

    private void shedNow(Runnable exchange) {
        shedCount.increment();
        shed.execute(() -> {
            SHEDDING.set(true);
            try {
                exchange.run();
            } finally {
                SHEDDING.set(false);
            }
        });
    }

    private void sweep() {
        while (running) {
            LockSupport.parkNanos(this, tickNanos);
            long now = System.nanoTime();
            for (Runnable r : pool.getQueue()) { // weakly consistent: safe while workers take from it
                if (r instanceof Queued q && now - q.queuedAtNanos() > queueBoundNanos && pool.remove(q)) {
                    try {
                        shedNow(q.task());
                    } catch (RejectedExecutionException stopped) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void shutdown() {
        running = false;
        LockSupport.unpark(sweeper);
        pool.shutdown();
        shed.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        running = false;
        LockSupport.unpark(sweeper);
        shed.shutdownNow();
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated() && shed.isTerminated() && !sweeper.isAlive();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!pool.awaitTermination(timeout, unit)) {
            return false;
        }
        if (!shed.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        return sweeper.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}

package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.VariantOption;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * {@code fixed-pool}: one acceptor thread puts each accepted connection into a bounded queue, and a
 * fixed pool of {@code threads} platform workers ({@value ServerThreads#WORKER_PREFIX}N) takes them in
 * turn, each serving one connection until it closes (classic blocking Tomcat). The queue is visible:
 * {@link RunningServer#queueLength()} reads it, and a connection that finds it full is answered
 * {@code 503} and closed ({@link RunningServer#refusedConnections()}). A connection that waited in the
 * queue for the header-read timeout is taken back out of it and answered 503 too (counted the same
 * way): its request may be complete, and the server never drops one without a word.
 *
 * <p>Option {@code queueCapacity} (default {@value #DEFAULT_QUEUE_CAPACITY}; 0 = hand over only to an
 * idle worker). Dispatch target {@code workers}: see {@link ConnectionQueuePool}.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class FixedPoolVariant implements ServerVariant {
    public static final String NAME = "fixed-pool";
    /** Workers when {@code threads} is unset: the heavy preset's pool. */
    static final int DEFAULT_THREADS = 4;
    /** Connections that may wait for a worker before the next gets 503. */
    static final int DEFAULT_QUEUE_CAPACITY = 1024;
    static final int MAX_QUEUE_CAPACITY = 1_000_000;
    static final VariantOption QUEUE_CAPACITY = VariantOption.wholeNumber("queueCapacity",
            Integer.toString(DEFAULT_QUEUE_CAPACITY), 0, MAX_QUEUE_CAPACITY,
            "connections waiting for a worker; the next gets 503 (0 = no queue)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.FIXED_POOL;
    }

    @Override
    public String description() {
        return "an acceptor queues connections for N workers that each hold one until it closes: with"
                + " keep-alive, connection N+1 waits in the queue (watch its length), then gets 503";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                new Tunable("threads", Integer.toString(DEFAULT_THREADS),
                        "worker threads; each serves one connection at a time, for its whole life"));
    }

    @Override
    public List<VariantOption> options() {
        return List.of(QUEUE_CAPACITY);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        int capacity = QUEUE_CAPACITY.intValue(NAME, config, DEFAULT_QUEUE_CAPACITY);
        ThreadFactory workers = Thread.ofPlatform().name(ServerThreads.WORKER_PREFIX, 1).daemon(true).factory();
        return BlockingServer.start(config, new Acceptor(new ConnectionQueuePool(workers, config.threadsOr(DEFAULT_THREADS), capacity)));
    }
}

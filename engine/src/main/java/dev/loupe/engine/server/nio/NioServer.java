package dev.loupe.engine.server.nio;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.NanoClock;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.http.HttpCore;
import dev.loupe.engine.server.http.StopSupport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The listening socket, the {@link EventLoop}s, the optional {@link HandlerPool}, and the graceful stop
 * both NIO variants share.
 *
 * <p>Accepting: one platform thread ({@code loupe-server-acceptor}) blocks in {@code accept()} and
 * hands each connection to the next loop, round-robin. A thread of its own rather than a loop's
 * {@code OP_ACCEPT}: in {@code event-loop} a handler may block its loop, and a server whose accepting
 * loop is blocked would stop taking connections for every loop; here a blocked loop stalls only its
 * own connections, which is the lesson, and no more. Accepting costs a task hand-off per connection,
 * never per request. A failed accept (e.g. out of descriptors) is retried after a pause.
 *
 * <p>Stopping: the listener closes; each loop closes its idle connections and the busy ones close
 * after their response ({@code Connection: close}); after the graceful bound every loop closes what is
 * left and ends, its thread interrupted (a handler blocked on a loop) and the workers too. A loop
 * whose handler ignores interrupts keeps its thread and its connections; the stop returns anyway.
 */
final class NioServer implements RunningServer {
    /** Pause after a failed accept, so a persistent failure does not spin a core. */
    private static final long ACCEPT_RETRY_MILLIS = 10;
    /** Waits for connections to close re-check at least this often. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final HttpCore core;
    private final NanoClock clock;
    private final EventLoop[] loops;
    private final HandlerPool workers;
    private final List<DispatchTarget> dispatchTargets;
    private final Thread acceptor;
    private final AtomicInteger open = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allClosed = lock.newCondition();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private int nextLoop;

    private NioServer(ServerSocketChannel listener, HttpCore core, int loopCount, int workerCount, NanoClock clock)
            throws IOException {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.core = core;
        this.clock = clock;
        this.loops = new EventLoop[loopCount];
        this.workers = workerCount > 0 ? new HandlerPool(workerCount) : null;
        try {
            for (int i = 0; i < loopCount; i++) {
                loops[i] = new EventLoop(i, this, clock);
            }
        } catch (IOException | RuntimeException e) {
            for (EventLoop loop : loops) {
                if (loop != null) {
                    loop.discard();
                }
            }
            if (workers != null) {
                workers.shutdownNow();
            }
            throw e;
        }
        List<DispatchTarget> targets = new ArrayList<>(List.of(loops));
        if (workers != null) {
            targets.add(workers);
        }
        this.dispatchTargets = List.copyOf(targets);
        this.acceptor = Thread.ofPlatform().name(ServerThreads.ACCEPTOR).daemon(true).unstarted(this::acceptLoop);
    }

    /**
     * Binds, starts the loops (and workers) and the acceptor; returns once connections are accepted.
     *
     * @param workerCount handler threads, or 0 to run handlers on the loops
     */
    static NioServer start(ServerConfig config, int loopCount, int workerCount, NanoClock clock) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        NioServer server;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.limits().acceptBacklog());
            server = new NioServer(listener, HttpCore.of(config), loopCount, workerCount, clock);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        for (EventLoop loop : server.loops) {
            loop.start();
        }
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return; // the stop closed the listener
            } catch (IOException e) {
                if (!listener.isOpen()) {
                    return;
                }
                pause();
                continue;
            }
            long acceptedAt = clock.nanoTime();
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                NioConnection.closeQuietly(channel); // the client is gone already
                continue;
            }
            open.incrementAndGet();
            EventLoop loop = loops[nextLoop];
            nextLoop = nextLoop + 1 == loops.length ? 0 : nextLoop + 1;
            try {
                loop.adopt(channel, acceptedAt);
            } catch (RuntimeException | Error e) {
                NioConnection.closeQuietly(channel);
                connectionClosed();
                if (!(e instanceof RejectedExecutionException)) {
                    core.internalError(e);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- for loops and connections ----

    HttpCore core() {
        return core;
    }

    /** Where handlers run, or null when they run on the loops. */
    Executor workers() {
        return workers;
    }

    /** True once a stop has begun: responses say {@code Connection: close}, idle connections close. */
    boolean stopping() {
        return stopping;
    }

    /** A connection has closed. Any thread. */
    void connectionClosed() {
        if (open.decrementAndGet() == 0 && stopping) {
            lock.lock();
            try {
                allClosed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- RunningServer ----

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return dispatchTargets;
    }

    @Override
    public void close() {
        close(core.limits().gracefulStopTimeout());
    }

    @Override
    public void close(Duration gracefulStop) {
        if (!closing.compareAndSet(false, true)) {
            StopSupport.awaitUninterruptibly(stopped);
            return;
        }
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + gracefulStop.toNanos();
            stopping = true;
            StopSupport.closeQuietly(listener);
            try {
                acceptor.join(StopSupport.until(deadline));
                for (EventLoop loop : loops) {
                    loop.beginStop();
                }
                boolean graceful = awaitAllClosed(StopSupport.until(deadline));
                for (EventLoop loop : loops) {
                    if (graceful) {
                        loop.shutdown();
                    } else {
                        loop.forceStop();
                    }
                }
                if (workers != null) {
                    if (graceful) {
                        workers.shutdown();
                    } else {
                        workers.shutdownNow();
                    }
                }
                long forcedDeadline = System.nanoTime() + HttpLimits.FORCED_STOP_WAIT.toNanos();
                for (EventLoop loop : loops) {
                    loop.awaitTermination(StopSupport.until(forcedDeadline));
                }
                if (workers != null) {
                    workers.awaitTermination(StopSupport.until(forcedDeadline));
                }
            } catch (InterruptedException e) {
                interrupted = true;
                for (EventLoop loop : loops) {
                    loop.forceStop();
                }
                if (workers != null) {
                    workers.shutdownNow();
                }
            }
        } finally {
            stopped.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean awaitAllClosed(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        lock.lock();
        try {
            while (open.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                allClosed.awaitNanos(Math.min(left, RECHECK_NANOS));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "NioServer[" + url() + ", " + loops.length + " loops" + (workers == null ? "" : ", " + workers)
                + ", " + openConnections() + " open connections]";
    }
}

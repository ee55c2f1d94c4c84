package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.http.ConnectionRegistry;
import dev.loupe.engine.server.http.HttpCore;
import dev.loupe.engine.server.http.StopSupport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A listening socket, the registry of open connections, an {@link IdleReaper}, and the graceful stop
 * every blocking variant shares; a {@link ThreadModel} owns the threads that accept and serve. A
 * failed accept (for example, out of file descriptors) is retried after a short pause; it never ends
 * the listener. A connection the model has no room for is answered 503 and counted.
 */
final class BlockingServer implements RunningServer {
    /** Pause after a failed accept, so a persistent failure does not spin a core. */
    private static final long ACCEPT_RETRY_MILLIS = 10;
    /** A client refused at a cap may try again after this many seconds. */
    static final String RETRY_AFTER_SECONDS = "1";
    /** The answer to a connection beyond the thread cap or the queue (sent with {@code Connection: close}). */
    static final HttpResponse SERVICE_UNAVAILABLE = HttpResponse.text(503,
                    "503 Service Unavailable: the server is at its thread or queue limit; try again later\n")
            .withHeader("Retry-After", RETRY_AFTER_SECONDS);

    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final HttpCore core;
    private final ThreadModel model;
    private final ConnectionRegistry<BlockingConnection> registry = new ConnectionRegistry<>();
    private final IdleReaper reaper;
    private final LongAdder refused = new LongAdder();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BlockingServer(ServerSocket listener, HttpCore core, ThreadModel model) {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.core = core;
        this.model = model;
        this.reaper = new IdleReaper(registry, core.limits(), model::withdraw, this::refuse);
    }

    /** Binds and starts the model's threads; returns once connections are accepted. */
    static BlockingServer start(ServerConfig config, ThreadModel model) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.limits().acceptBacklog());
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        BlockingServer server = new BlockingServer(listener, HttpCore.of(config), model);
        server.reaper.start();
        try {
            model.start(server);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    // ---- for thread models, from their accepting threads ----

    /** The listen socket the model's threads accept from. */
    ServerSocket listener() {
        return listener;
    }

    /** Wraps an accepted socket and registers it as open; the caller runs or refuses it. */
    BlockingConnection register(Socket socket) {
        BlockingConnection connection = new BlockingConnection(socket, core, registry);
        registry.add(connection);
        return connection;
    }

    /** Answers 503 on the calling thread, closes the connection and counts it (the model is at its limit). */
    void refuse(BlockingConnection connection) {
        refused.increment();
        connection.refuseAtOnce(SERVICE_UNAVAILABLE);
    }

    /** Closes a connection the model failed to give a thread (a bug or out of memory), and records it. */
    void dispatchFailed(BlockingConnection connection, Throwable failure) {
        connection.forceClose();
        registry.remove(connection);
        core.internalError(failure);
    }

    /** Records a failure inside the server (a bug); the caller closes what it concerns and carries on. */
    void internalError(Throwable failure) {
        core.internalError(failure);
    }

    /** Sleeps briefly after a failed accept, so a persistent failure does not spin a core. */
    static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- RunningServer ----

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return registry.size();
    }

    @Override
    public int queueLength() {
        return model.queueLength();
    }

    @Override
    public long refusedConnections() {
        return refused.sum();
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return model.dispatchTargets();
    }

    /** The shared core, for variants and tests that read its counters. */
    HttpCore core() {
        return core;
    }

    @Override
    public void close() {
        close(core.limits().gracefulStopTimeout());
    }

    @Override
    public void close(Duration gracefulStop) {
        if (!stopping.compareAndSet(false, true)) {
            StopSupport.awaitUninterruptibly(stopped);
            return;
        }
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + gracefulStop.toNanos();
            StopSupport.closeQuietly(listener);
            try {
                if (!registry.drain(StopSupport.until(deadline))) {
                    registry.forceCloseAll();
                    registry.awaitEmpty(HttpLimits.FORCED_STOP_WAIT);
                }
                model.stop(HttpLimits.FORCED_STOP_WAIT);
                reaper.stop(HttpLimits.FORCED_STOP_WAIT);
            } catch (InterruptedException e) {
                interrupted = true;
                registry.forceCloseAll();
            }
        } finally {
            stopped.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "BlockingServer[" + url() + ", " + openConnections() + " open connections]";
    }
}

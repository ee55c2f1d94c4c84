package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.http.ConnectionRegistry;
import dev.loupe.engine.server.http.HttpCore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening socket with one acceptor thread that hands each accepted connection to a {@link
 * ConnectionDispatcher}, an {@link IdleReaper}, and the graceful stop every blocking variant shares.
 * A failed accept (for example, out of file descriptors) is retried after a short pause; it never
 * ends the listener.
 */
final class BlockingServer implements RunningServer {
    /** Pause after a failed accept, so a persistent failure does not spin a core. */
    private static final long ACCEPT_RETRY_MILLIS = 10;

    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final HttpCore core;
    private final ConnectionDispatcher dispatcher;
    private final ConnectionRegistry<BlockingConnection> registry = new ConnectionRegistry<>();
    private final IdleReaper reaper;
    private final Thread acceptor;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BlockingServer(ServerSocket listener, HttpCore core, ConnectionDispatcher dispatcher) {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.core = core;
        this.dispatcher = dispatcher;
        this.reaper = new IdleReaper(registry, core.limits());
        this.acceptor = Thread.ofPlatform().name(ServerThreads.ACCEPTOR).daemon(true).unstarted(this::acceptLoop);
    }

    /** Binds and starts accepting; returns once connections are accepted. */
    static BlockingServer start(ServerConfig config, ConnectionDispatcher dispatcher) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), config.limits().acceptBacklog());
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        BlockingServer server = new BlockingServer(listener, HttpCore.of(config), dispatcher);
        server.reaper.start();
        server.acceptor.start();
        return server;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                pause();
                continue;
            }
            BlockingConnection connection = new BlockingConnection(socket, core, registry);
            registry.add(connection);
            try {
                dispatcher.dispatch(connection);
            } catch (RuntimeException | Error e) {
                connection.forceClose();
                registry.remove(connection);
                core.internalError(e);
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

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return registry.size();
    }

    /** The shared core, for variants and tests that read its counters. */
    HttpCore core() {
        return core;
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + core.limits().gracefulStopTimeout().toNanos();
            closeListener();
            try {
                acceptor.join(until(deadline));
                if (!registry.drain(until(deadline))) {
                    registry.forceCloseAll();
                    registry.awaitEmpty(HttpLimits.FORCED_STOP_WAIT);
                }
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

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            // The listener is closed as far as the JDK can; nothing else to do.
        }
    }

    private void awaitStopped() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration until(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    @Override
    public String toString() {
        return "BlockingServer[" + url() + ", " + openConnections() + " open connections]";
    }
}

package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.ServerThreads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * One platform thread, {@value ServerThreads#ACCEPTOR}, that accepts connections and hands each to a
 * {@link ConnectionDispatcher}; a connection the dispatcher rejects is answered 503 on this thread.
 * The thread ends when the listener closes.
 */
final class Acceptor implements ThreadModel {
    private final ConnectionDispatcher dispatcher;
    private Thread thread;

    Acceptor(ConnectionDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void start(BlockingServer server) {
        dispatcher.start();
        thread = Thread.ofPlatform().name(ServerThreads.ACCEPTOR).daemon(true).start(() -> acceptLoop(server));
    }

    private void acceptLoop(BlockingServer server) {
        ServerSocket listener = server.listener();
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                BlockingServer.pauseAfterFailedAccept();
                continue;
            }
            BlockingConnection connection = server.register(socket);
            try {
                dispatcher.dispatch(connection);
            } catch (RejectedExecutionException e) {
                server.refuse(connection);
            } catch (RuntimeException | Error e) {
                server.dispatchFailed(connection, e);
            }
        }
    }

    @Override
    public int queueLength() {
        return dispatcher.queueLength();
    }

    @Override
    public boolean withdraw(BlockingConnection connection) {
        return dispatcher.withdraw(connection);
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return dispatcher.dispatchTargets();
    }

    @Override
    public void stop(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        if (thread != null) {
            thread.join(bound);
        }
        dispatcher.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}

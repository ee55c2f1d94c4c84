package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.ServerThreads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recycling accept pool of hunchentoot-recycle: platform threads ({@value
 * ServerThreads#ACCEPT_PREFIX}N) that all block in {@code accept()} on the shared listen socket; the
 * kernel hands each new connection to one of them, which serves it itself until it closes, then goes
 * back to accepting. There is no acceptor thread and no queue.
 *
 * <p>The rules, applied under one lock per connection (never per request):
 *
 * <ul>
 *   <li>{@code standby} threads start with the server.
 *   <li>A thread that accepts a connection while {@code maxServing} connections are already served
 *       answers it 503 itself and goes back to accepting.
 *   <li>Otherwise it serves it; if that leaves no thread waiting in (or heading to) {@code accept()},
 *       it first starts one more, so a thread is always ready for the next connection. Hence at most
 *       {@code maxServing + 1} threads: the cap serving, one accepting to answer 503.
 *   <li>A thread whose connection has closed ends if there are more than {@code standby} threads and
 *       another one is accepting; else it goes back to accepting. So an idle pool shrinks back to
 *       {@code standby}.
 * </ul>
 *
 * <p>Dispatch target {@code standby}: one more platform thread ({@value ServerThreads#PROBE_PREFIX}standby)
 * waits, like a standby thread, for a probe to wake it; the probe's delay is how late the OS runs a
 * blocked platform thread it has just woken, which is what a connection meets when a standby thread
 * is waiting in {@code accept()} (when none is, it meets a thread start instead, which costs a little
 * more). It does not see connections that wait in the kernel's accept backlog.
 */
final class AcceptPool implements ThreadModel {
    private static final int PROBE_QUEUE_CAPACITY = 16;

    private enum Turn { SERVE, SERVE_AND_START_ONE, REFUSE }

    private final ThreadFactory threadFactory;
    private final int standby;
    private final int maxServing;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor probeThread;
    private final List<DispatchTarget> targets;

    private final ReentrantLock lock = new ReentrantLock();
    /** Threads started and not ended. Guarded by {@link #lock}, as are the two below. */
    private int alive;
    /** Threads in {@code accept()}, heading to it, or answering a 503 before going back to it. */
    private int accepting;
    /** Threads serving a connection. */
    private int serving;

    private BlockingServer server; // set by start(), before any pool thread starts

    /**
     * @param poolThreads makes the pool's threads, named {@value ServerThreads#ACCEPT_PREFIX}N
     * @param probeThreads makes the standby probe thread
     * @param standby threads kept when idle, at most {@code maxServing}
     * @param maxServing the most connections served at once
     */
    AcceptPool(ThreadFactory poolThreads, ThreadFactory probeThreads, int standby, int maxServing) {
        this.threadFactory = poolThreads;
        this.standby = standby;
        this.maxServing = maxServing;
        this.probeThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(PROBE_QUEUE_CAPACITY), probeThreads, new ThreadPoolExecutor.AbortPolicy());
        this.targets = List.of(new ProbeTarget("standby", ServerThreads.ACCEPT_PREFIX, probeThread));
    }

    @Override
    public void start(BlockingServer owner) {
        this.server = owner;
        probeThread.prestartAllCoreThreads();
        lock.lock();
        try {
            alive = standby;
            accepting = standby;
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < standby; i++) {
            startThread();
        }
    }

    private void startThread() {
        Thread thread = threadFactory.newThread(this::acceptAndServe);
        threads.add(thread);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            threads.remove(thread);
            lock.lock();
            try {
                alive--;
                accepting--;
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** The life of one pool thread: accept, serve, repeat, until it retires or the listener closes. */
    private void acceptAndServe() {
        ServerSocket listener = server.listener();
        boolean retired = false;
        try {
            while (!retired) {
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
                Turn turn = accepted();
                BlockingConnection connection = server.register(socket);
                if (turn == Turn.REFUSE) {
                    server.refuse(connection);
                    continue;
                }
                if (turn == Turn.SERVE_AND_START_ONE) {
                    startAnother();
                }
                connection.run();
                retired = served();
            }
        } finally {
            threads.remove(Thread.currentThread());
            if (!retired) { // the listener closed (or something failed) while this thread was accepting
                lock.lock();
                try {
                    alive--;
                    accepting--;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** This thread has accepted a connection: serve it, and start one more thread, or refuse it. */
    private Turn accepted() {
        lock.lock();
        try {
            if (serving >= maxServing) {
                return Turn.REFUSE; // still counted as accepting: it goes straight back
            }
            accepting--;
            serving++;
            if (accepting == 0 && alive < maxServing + 1) {
                alive++;
                accepting++; // counted from now, so no other thread starts one too
                return Turn.SERVE_AND_START_ONE;
            }
            return Turn.SERVE;
        } finally {
            lock.unlock();
        }
    }

    private void startAnother() {
        try {
            startThread();
        } catch (RuntimeException | Error e) { // out of threads: this one will accept again when it is done
            server.internalError(e);
        }
    }

    /** This thread's connection has closed: true if it retires, false if it goes back to accepting. */
    private boolean served() {
        lock.lock();
        try {
            serving--;
            if (alive > standby && accepting > 0) {
                alive--;
                return true;
            }
            accepting++;
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return targets;
    }

    @Override
    public void stop(Duration bound) throws InterruptedException {
        probeThread.shutdownNow();
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread t : threads) { // the listener has closed: each ends at its next accept
            t.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        probeThread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
